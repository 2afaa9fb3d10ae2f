package cli

import (
	"context"
	"errors"
	"io/fs"
	"os"

	"counterpoint/corpus"
	"counterpoint/corpus/library"
)

// LoadArticles is what every reading command loads: the files at paths
// when there are any; else the library, when it holds articles and seeds
// is false; else the embedded seeds. Files never touch the library.
func LoadArticles(paths []string, opts corpus.Options, seeds bool) (*corpus.Corpus, error) {
	if len(paths) > 0 || seeds {
		return corpus.Load(paths, opts)
	}
	path, err := library.DefaultPath()
	if err != nil {
		return corpus.Load(nil, opts)
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return corpus.Load(nil, opts)
	}
	c, err := LoadLibrary(context.Background(), path)
	if err != nil {
		return nil, err
	}
	if len(c.Articles) == 0 {
		return corpus.Load(nil, opts)
	}
	return c, nil
}

// LoadLibrary loads the articles of the library at path. It opens it for
// writing, so analyses redone after an engine upgrade are cached, and falls
// back to read-only when it may not write (another user's library).
func LoadLibrary(ctx context.Context, path string) (*corpus.Corpus, error) {
	lib, err := library.Open(path, library.Options{})
	if err != nil {
		var roErr error
		if lib, roErr = library.Open(path, library.Options{ReadOnly: true}); roErr != nil {
			return nil, err
		}
	}
	defer lib.Close()
	shelf, err := lib.Load(ctx)
	if err != nil {
		return nil, err
	}
	return shelf.Corpus, nil
}
