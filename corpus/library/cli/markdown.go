package cli

import (
	"fmt"
	"io"
	"os"

	"counterpoint/corpus"
)

// DebateMarkdown runs `counterpoint debate --markdown [ID] [PATH...]`: the
// debate of article ID, or of every article, as Markdown. The first
// argument is an ID unless it names a file or folder.
func DebateMarkdown(args []string, opts corpus.Options, seeds bool, stdout, stderr io.Writer) int {
	id := ""
	if len(args) > 0 {
		if _, err := os.Stat(args[0]); err != nil {
			id, args = args[0], args[1:]
		}
	}
	c, err := LoadArticles(args, opts, seeds)
	if c != nil {
		for _, s := range c.Skipped {
			fmt.Fprintln(stderr, "counterpoint:", s)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "counterpoint:", err)
		return 1
	}
	if id == "" {
		err = c.WriteDebateMarkdown(stdout)
	} else if a := c.Article(id); a == nil {
		fmt.Fprintf(stderr, "counterpoint debate: no article %q; `counterpoint search ''` lists them\n", corpus.SanitizeLine(id))
		return 1
	} else {
		err = a.WriteDebateMarkdown(stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "counterpoint:", err)
		return 1
	}
	return 0
}
