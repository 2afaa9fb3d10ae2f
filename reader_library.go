package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"time"

	"counterpoint/corpus/feeds"
	"counterpoint/corpus/library"
	"counterpoint/ui"
)

// openReaderLibrary opens the default library for the reader, when it
// exists and holds articles: the reader keeps it open to store read and
// starred marks and to refresh. ok is false when the seeds should be read
// instead. readOnly opens it as the SSH server does. The caller closes
// the library.
func openReaderLibrary(ctx context.Context, readOnly bool) (lib *library.Library, shared *ui.Shared, ok bool, err error) {
	path, err := library.DefaultPath()
	if err != nil {
		return nil, nil, false, nil
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil, false, nil
	}
	lib, err = library.Open(path, library.Options{ReadOnly: readOnly})
	if err != nil && !readOnly {
		// Another user's library: read it, keep no marks.
		lib, err = library.Open(path, library.Options{ReadOnly: true})
	}
	if err != nil {
		return nil, nil, false, err
	}
	shared, err = ui.LoadLibrary(ctx, lib)
	if err != nil || len(shared.Corpus.Articles) == 0 {
		lib.Close()
		return nil, nil, false, err
	}
	return lib, shared, true, nil
}

// serveShared is what the server serves: the files at paths; else the
// library, read-only (users keep their own marks by key), refreshed on the
// operator's schedule when every > 0; else the seeds.
func serveShared(ctx context.Context, command *command, paths []string, every time.Duration, log *slog.Logger) (shared *ui.Shared, closeLib func(), ok bool) {
	closeLib = func() {}
	if every > 0 && (len(paths) > 0 || *command.seeds) {
		fmt.Fprintln(command.stderr, "counterpoint serve: --refresh refreshes the library; it cannot be used with PATH or --seeds")
		return nil, closeLib, false
	}
	if len(paths) == 0 && !*command.seeds {
		lib, s, found, err := openReaderLibrary(ctx, true)
		if err != nil {
			fmt.Fprintln(command.stderr, "counterpoint serve:", err)
			return nil, closeLib, false
		}
		if found {
			closeLib = func() { lib.Close() }
			if every > 0 {
				stopRefresh, err := refreshOnSchedule(ctx, lib.Path(), s.Library(), every, log)
				if err != nil {
					fmt.Fprintln(command.stderr, "counterpoint serve:", err)
					lib.Close()
					return nil, func() {}, false
				}
				closeLib = func() { stopRefresh(); lib.Close() }
			}
			return s, closeLib, true
		} else if every > 0 {
			fmt.Fprintln(command.stderr, "counterpoint serve: --refresh needs a library with articles: counterpoint add URL && counterpoint fetch")
			return nil, closeLib, false
		}
	}
	c, ok := command.load(paths)
	if !ok {
		return nil, closeLib, false
	}
	return ui.NewShared(c), closeLib, true
}

// refreshOnSchedule fetches the library's feeds every interval, through a
// writable handle of its own (sessions read through the read-only one),
// and hands each refreshed shelf to the sessions that start afterwards.
func refreshOnSchedule(ctx context.Context, path string, shelf *ui.Library, every time.Duration, log *slog.Logger) (stop func(), err error) {
	rw, err := library.Open(path, library.Options{})
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		f := feeds.NewFetcher(feeds.Options{UserAgent: "counterpoint/" + version + " (terminal news reader)"})
		rw.RefreshEvery(ctx, f, every, func(sum library.Summary, err error) {
			if err != nil {
				log.Error("refresh", "err", err)
				return
			}
			log.Info("refresh", "feeds", sum.Feeds, "failed", sum.FeedsFailed, "new", sum.NewArticles)
			if sum.NewArticles > 0 {
				if _, err := shelf.Reload(ctx); err != nil {
					log.Error("reload after refresh", "err", err)
				}
			}
		})
	}()
	return func() { cancel(); <-done; rw.Close() }, nil
}
