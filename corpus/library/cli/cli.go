// Package cli is the command-line face of the library: add, remove, feeds,
// import, export and fetch, and the loading rule every headless command
// shares (the library when it holds articles, else the embedded seeds).
// main.go only dispatches to it.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"counterpoint/corpus"
	"counterpoint/corpus/feeds"
	"counterpoint/corpus/library"
)

// Commands are the subcommands this package runs.
var Commands = []string{"add", "remove", "feeds", "import", "export", "fetch"}

// Usage lines for main's help text.
const Usage = `  counterpoint add URL...                        subscribe to feeds (RSS, Atom or JSON Feed)
  counterpoint remove URL                        unsubscribe (articles you starred stay)
  counterpoint feeds                             list the subscriptions
  counterpoint import FILE.opml                  subscribe to every feed of an OPML file
  counterpoint export                            print the subscriptions as OPML
  counterpoint fetch                             fetch new articles of every feed into the library
`

// Run runs one of Commands and returns the exit status.
func Run(cmd string, args []string, stdout, stderr io.Writer, version string) int {
	name := "counterpoint " + cmd
	fset := flag.NewFlagSet(name, flag.ContinueOnError)
	fset.SetOutput(stderr)
	dbPath := fset.String("library", "", "the library database (default: $XDG_DATA_HOME/counterpoint/library.db)")
	timeout := fset.Duration("timeout", 30*time.Second, "fetch: give up on a feed or page after this long")
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	pos := fset.Args()
	c := &command{name: name, stdout: stdout, stderr: stderr}
	want := map[string]func() bool{
		"add": func() bool { return len(pos) > 0 }, "remove": func() bool { return len(pos) == 1 },
		"import": func() bool { return len(pos) == 1 }, "feeds": func() bool { return len(pos) == 0 },
		"export": func() bool { return len(pos) == 0 }, "fetch": func() bool { return len(pos) == 0 },
	}
	if ok, known := want[cmd]; !known || !ok() {
		fmt.Fprintf(stderr, "%s: wrong arguments; usage:\n%s", name, Usage)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	lib, listed, ok := c.open(ctx, *dbPath)
	if !ok {
		return 1
	}
	defer lib.Close()
	switch cmd {
	case "add":
		return c.add(ctx, lib, pos)
	case "remove":
		return c.remove(ctx, lib, listed, pos[0])
	case "feeds":
		return c.feeds(ctx, lib, listed)
	case "import":
		return c.importOPML(ctx, lib, pos[0])
	case "export":
		return c.export(ctx, lib)
	default:
		return c.fetch(ctx, lib, feeds.Options{UserAgent: "counterpoint/" + version + " (terminal news reader)", Timeout: *timeout})
	}
}

type command struct {
	name           string
	stdout, stderr io.Writer
	listPath       string
}

func (c *command) fail(format string, a ...any) {
	fmt.Fprintf(c.stderr, c.name+": "+format+"\n", a...)
}

// open opens the library for writing and adds the feeds of the plain list
// in the config dir, which count as subscriptions too.
func (c *command) open(ctx context.Context, path string) (*library.Library, map[string]bool, bool) {
	if path == "" {
		p, err := library.DefaultPath()
		if err != nil {
			c.fail("%v", err)
			return nil, nil, false
		}
		path = p
	}
	lib, err := library.Open(path, library.Options{})
	if err != nil {
		c.fail("cannot open the library: %v", err)
		return nil, nil, false
	}
	listed := map[string]bool{}
	listPath, err := library.ListPath()
	if err != nil {
		return lib, listed, true
	}
	c.listPath = listPath
	f, err := os.Open(listPath)
	if errors.Is(err, fs.ErrNotExist) {
		return lib, listed, true
	} else if err != nil {
		c.fail("%s: %v", listPath, err)
		return lib, listed, true
	}
	defer f.Close()
	urls, bad := feeds.ReadList(f, listPath)
	for _, b := range bad {
		c.fail("%s", b)
	}
	for _, u := range urls {
		listed[u] = true
	}
	_, removed, err := lib.SyncList(ctx, urls)
	if err != nil {
		c.fail("%s: %v", listPath, err)
	}
	for _, u := range removed {
		fmt.Fprintf(c.stderr, "removed %s: no longer in %s\n", u, listPath)
	}
	return lib, listed, true
}

func (c *command) add(ctx context.Context, lib *library.Library, urls []string) int {
	status := 0
	for _, u := range urls {
		added, err := lib.AddFeed(ctx, u, "")
		switch {
		case err != nil:
			c.fail("%v", err)
			status = 1
		case added:
			fmt.Fprintf(c.stdout, "added %s\n", u)
		default:
			fmt.Fprintf(c.stdout, "already subscribed: %s\n", u)
		}
	}
	if status == 0 {
		fmt.Fprintln(c.stdout, "run `counterpoint fetch` to fetch their articles")
	}
	return status
}

func (c *command) remove(ctx context.Context, lib *library.Library, listed map[string]bool, u string) int {
	if listed[u] {
		c.fail("%s is listed in %s: remove its line there", corpus.SanitizeLine(u), c.listPath)
		return 1
	}
	if err := lib.RemoveFeed(ctx, u); err != nil {
		c.fail("%v", err)
		return 1
	}
	fmt.Fprintf(c.stdout, "removed %s\n", u)
	return 0
}

func (c *command) feeds(ctx context.Context, lib *library.Library, listed map[string]bool) int {
	fs, err := lib.Feeds(ctx)
	if err != nil {
		c.fail("%v", err)
		return 1
	}
	if len(fs) == 0 {
		fmt.Fprintln(c.stderr, "no subscriptions: add one with `counterpoint add URL`")
		return 0
	}
	for _, f := range fs {
		title := cmpOr(f.Title, "(not fetched yet)")
		fmt.Fprintf(c.stdout, "%s\n    %s · %d %s", f.URL, title, f.Articles, plural(f.Articles, "article", "articles"))
		if !f.Checked.IsZero() {
			fmt.Fprintf(c.stdout, " · checked %s", f.Checked.Local().Format("2006-01-02 15:04"))
		}
		if listed[f.URL] {
			fmt.Fprintf(c.stdout, " · from %s", c.listPath)
		}
		if f.LastError != "" {
			fmt.Fprintf(c.stdout, "\n    last fetch failed: %s", corpus.SanitizeLine(f.LastError))
		}
		fmt.Fprintln(c.stdout)
	}
	return 0
}

func (c *command) importOPML(ctx context.Context, lib *library.Library, path string) int {
	f, err := os.Open(path)
	if err != nil {
		c.fail("%v", err)
		return 1
	}
	defer f.Close()
	subs, skipped, err := feeds.ReadOPML(f)
	if err != nil {
		c.fail("%s: %v", corpus.SanitizeLine(path), err)
		return 1
	}
	for _, s := range skipped {
		c.fail("skipped %s", s)
	}
	added := 0
	for _, s := range subs {
		ok, err := lib.AddFeed(ctx, s.URL, s.Title)
		if err != nil {
			c.fail("%v", err)
			continue
		}
		if ok {
			added++
		}
	}
	fmt.Fprintf(c.stdout, "imported %d new %s of %d in %s\n", added, plural(added, "feed", "feeds"), len(subs), corpus.SanitizeLine(path))
	return 0
}

func (c *command) export(ctx context.Context, lib *library.Library) int {
	fs, err := lib.Feeds(ctx)
	if err != nil {
		c.fail("%v", err)
		return 1
	}
	subs := make([]feeds.Subscription, len(fs))
	for i, f := range fs {
		subs[i] = feeds.Subscription{URL: f.URL, Title: f.Title}
	}
	if err := feeds.WriteOPML(c.stdout, "counterpoint subscriptions", subs); err != nil {
		c.fail("%v", err)
		return 1
	}
	return 0
}

// fetch refreshes every feed, a progress line per feed on stderr. It fails
// only when every feed failed: one dead feed must not break a cron job.
func (c *command) fetch(ctx context.Context, lib *library.Library, opts feeds.Options) int {
	sum, err := lib.Refresh(ctx, feeds.NewFetcher(opts), func(p library.Progress) {
		width := len(fmt.Sprint(p.FeedsTotal))
		prefix := fmt.Sprintf("[%*d/%d] %s", width, p.FeedsDone, p.FeedsTotal, corpus.SanitizeLine(p.Feed))
		switch {
		case p.Err != nil:
			fmt.Fprintf(c.stderr, "%s: failed: %s\n", prefix, corpus.SanitizeLine(p.Err.Reason))
		case p.NotModified:
			fmt.Fprintf(c.stderr, "%s: not modified\n", prefix)
		default:
			fmt.Fprintf(c.stderr, "%s: %d new\n", prefix, p.Added)
		}
		for _, f := range p.Failures {
			fmt.Fprintf(c.stderr, "    skipped %s\n", f)
		}
	})
	if err != nil {
		c.fail("%v", err)
		return 1
	}
	if sum.Feeds == 0 {
		c.fail("no subscriptions: add one with `counterpoint add URL`")
		return 1
	}
	fmt.Fprintf(c.stderr, "%d new %s from %d %s", sum.NewArticles, plural(sum.NewArticles, "article", "articles"), sum.Feeds, plural(sum.Feeds, "feed", "feeds"))
	if sum.FeedsFailed > 0 {
		fmt.Fprintf(c.stderr, "; %d failed", sum.FeedsFailed)
	}
	fmt.Fprintln(c.stderr)
	if sum.FeedsFailed == sum.Feeds {
		return 1
	}
	return 0
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func cmpOr(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return a
	}
	return b
}
