// Command counterpoint is a terminal news reader that shows who said what,
// and how the other side answered.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/mattn/go-isatty"
	"golang.org/x/term"

	"counterpoint/corpus"
	"counterpoint/corpus/library"
	"counterpoint/corpus/library/cli"
	"counterpoint/ui"
	"counterpoint/ui/serve"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `counterpoint: read the news and see who said what, and how the other side answered.

Usage:
  counterpoint [flags] [PATH...]                 open the reader (no PATH: the library, else the embedded seeds)
  counterpoint read ARTICLE [PATH...]            print one article (ID, ID prefix or number; see read --help)
  counterpoint search [--json] QUERY [PATH...]   print the articles matching QUERY, best first
  counterpoint quotes [--json] [PATH...]         list every statement with speaker, party and role
  counterpoint debate [--json] [PATH...]         list accusations next to the responses they drew
  counterpoint debate --markdown [ID] [PATH...]  the same as Markdown, with parties and source links
  counterpoint serve [flags] [PATH...]           serve the reader over SSH (see serve --help)
  counterpoint help                              print this help
`

// usageEnd follows the library's commands in the help text.
const usageEnd = `
PATH is a .txt or .md file, or a folder searched recursively for them.

Flags:
`

// run is main without the exit, so tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "quotes", "debate":
			return headless(args[0], args[1:], stdout, stderr)
		case "read":
			return read(args[1:], stdout, stderr)
		case "search":
			return search(args[1:], stdout, stderr)
		case "serve":
			return serveCmd(args[1:], stderr)
		case "add", "remove", "feeds", "import", "export", "fetch":
			return cli.Run(args[0], args[1:], stdout, stderr, version)
		}
	}
	fs := flag.NewFlagSet("counterpoint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	showVersion := fs.Bool("version", false, "print the version and exit")
	maxSize := fs.Int64("max-file-size", corpus.DefaultMaxFileSize, "skip article files larger than this many bytes")
	style := fs.String("style", "", "Glamour style: dark, light, notty or a JSON style file (default: from the terminal background)")
	noMouse := fs.Bool("no-mouse", false, "start without mouse capture, so text can be selected (m toggles it)")
	seeds := fs.Bool("seeds", false, "with no PATH, read the embedded seeds even when the library holds articles")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage+cli.Usage+usageEnd)
		fs.PrintDefaults()
	}
	if len(args) > 0 && unknownCommand(args[0]) {
		if args[0] != "help" {
			fmt.Fprintf(stderr, "counterpoint: unknown command %q\n\n", corpus.SanitizeLine(args[0]))
		}
		fs.Usage()
		return 2
	}
	paths, err := parseAll(fs, args)
	if err != nil {
		return exitFor(err)
	}
	if *showVersion {
		fmt.Fprintln(stdout, "counterpoint", version)
		return 0
	}
	if err := checkStyle(*style); err != nil {
		fmt.Fprintln(stderr, "counterpoint:", err)
		return 2
	}
	if !isTerminal(stdout) {
		fmt.Fprintln(stderr, "counterpoint: the reader needs a terminal, and standard output is not one; `counterpoint search ''` lists the articles and `counterpoint read ARTICLE` prints one")
		return 1
	}
	if os.Getenv("TERM") == "dumb" {
		// A dumb terminal cannot place the cursor: print the list instead.
		c, err := cli.LoadArticles(paths, corpus.Options{MaxFileSize: *maxSize}, *seeds)
		reportSkipped(c, stderr)
		if err != nil {
			fmt.Fprintln(stderr, "counterpoint:", err)
			return 1
		}
		ui.WriteSearch(stdout, c, c.Search("", nil))
		fmt.Fprintln(stdout, "\nTERM=dumb: the reader needs cursor movement. `counterpoint read ARTICLE` prints one article.")
		return 0
	}
	// The library the reader reads stays open for marks and refresh; load
	// runs in a tea.Cmd, so it is handed over under a lock.
	var (
		libMu sync.Mutex
		lib   *library.Library
	)
	defer func() {
		libMu.Lock()
		defer libMu.Unlock()
		if lib != nil {
			lib.Close()
		}
	}()
	load := func() (*ui.Shared, error) {
		if len(paths) == 0 && !*seeds {
			l, shared, ok, err := openReaderLibrary(context.Background(), false)
			if err != nil {
				return nil, err
			}
			if ok {
				libMu.Lock()
				lib = l
				libMu.Unlock()
				return shared, nil
			}
		}
		c, err := cli.LoadArticles(paths, corpus.Options{MaxFileSize: *maxSize}, *seeds)
		if err != nil {
			return nil, loadError(c, err)
		}
		return ui.NewShared(c), nil
	}
	load = limitLoadMemory(paths, load)
	// Bubble Tea reports the colour profile and the background colour to
	// the reader as messages.
	opts := ui.Options{Style: *style, NoMouse: *noMouse, Light: lightFromEnv(), AwaitBackground: true, Version: version, Local: true}
	final, err := tea.NewProgram(ui.NewLoading(load, opts)).Run()
	if err != nil {
		fmt.Fprintln(stderr, "counterpoint:", err)
		return 1
	}
	if m, ok := final.(ui.Model); ok && m.LoadError() != nil {
		fmt.Fprintln(stderr, "counterpoint:", m.LoadError())
		return 1
	}
	return 0
}

// isTerminal reports whether w is a terminal; tests replace it.
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isatty.IsTerminal(f.Fd())
}

// unknownCommand reports a first argument that is neither a flag nor a
// path that exists and reads like a word: "help", or a mistyped
// subcommand, which would otherwise be taken for a missing file.
func unknownCommand(arg string) bool {
	if arg == "help" {
		return true
	}
	if arg == "" || strings.HasPrefix(arg, "-") || strings.ContainsAny(arg, `/\.`) {
		return false
	}
	_, err := os.Stat(arg)
	return err != nil
}

// checkStyle accepts Glamour's own style names and JSON style files that
// exist; anything else is a mistake worth saying at once.
func checkStyle(style string) error {
	switch style {
	case "", "dark", "light", "notty", "ascii", "dracula", "pink", "tokyo-night":
		return nil
	}
	if _, err := os.Stat(style); err != nil {
		return fmt.Errorf("--style %q is neither dark, light, notty, ascii, dracula, pink, tokyo-night nor a style file: %v", corpus.SanitizeLine(style), err)
	}
	return nil
}

// loadError names the skipped files when nothing could be loaded.
func loadError(c *corpus.Corpus, err error) error {
	if c == nil || len(c.Skipped) == 0 {
		return err
	}
	msg := err.Error()
	for _, s := range c.Skipped {
		msg += "\n  " + s.String()
	}
	return errors.New(msg)
}

// lightFromEnv reads COLORFGBG ("15;0": light text on a dark background),
// which some terminals set. It is only a first guess for the reader, which
// asks the terminal itself; `read` asks nothing, so it never waits for a
// terminal that does not answer, and no late answer lands in the shell.
func lightFromEnv() bool {
	v := os.Getenv("COLORFGBG")
	i := strings.LastIndexByte(v, ';')
	if i < 0 {
		return false
	}
	switch v[i+1:] {
	case "7", "15":
		return true
	}
	return false
}

// read prints one article as the reading pane shows it.
func read(args []string, stdout, stderr io.Writer) int {
	command := newCommand("counterpoint read", stderr)
	command.fs.Usage = func() {
		fmt.Fprint(stderr, readUsage)
		command.fs.PrintDefaults()
	}
	style := command.fs.String("style", "", "Glamour style: dark, light, notty or a JSON style file")
	width := command.fs.Int("width", 0, "wrap at this many columns (default: the terminal's width, or 80)")
	pos, err := parseAll(command.fs, args)
	if err != nil {
		return exitFor(err)
	}
	if err := checkStyle(*style); err != nil {
		fmt.Fprintln(stderr, "counterpoint read:", err)
		return 2
	}
	if len(pos) < 1 {
		fmt.Fprintln(stderr, "counterpoint read: which article? usage: counterpoint read ARTICLE [PATH...]")
		return 2
	}
	c, ok := command.load(pos[1:])
	if !ok {
		return 1
	}
	a, err := findArticle(c, pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "counterpoint read: %v; `counterpoint search ''` lists them\n", err)
		return 1
	}
	opts := ui.Options{Style: *style, Light: lightFromEnv(), Profile: colorprofile.NoTTY}
	w := *width
	if f, ok := stdout.(*os.File); ok && isTerminal(f) {
		if tw, _, err := term.GetSize(int(f.Fd())); err == nil && w == 0 {
			w = tw
		}
		opts.Profile = colorprofile.Detect(f, os.Environ())
	}
	if w == 0 {
		w = 80
	}
	if err := ui.WriteArticle(stdout, ui.NewShared(c), a, w, opts); err != nil {
		fmt.Fprintln(stderr, "counterpoint:", err)
		return 1
	}
	return 0
}

const readUsage = `Usage: counterpoint read ARTICLE [PATH...]

Prints one article as the reader shows it, each quotation's speaker tagged in
the margin. ARTICLE is an article's ID, a prefix of one ID (such as "003"),
or its number in the list (1 for the first, as in the reader's status bar).

Flags:
`

// findArticle resolves what the user typed: an ID, a prefix of exactly one
// ID, or a 1-based number in the list.
func findArticle(c *corpus.Corpus, ref string) (*corpus.Article, error) {
	if a := c.Article(ref); a != nil {
		return a, nil
	}
	var found []*corpus.Article
	for _, a := range c.Articles {
		if ref != "" && strings.HasPrefix(a.ID, ref) {
			found = append(found, a)
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	if len(found) > 1 {
		return nil, fmt.Errorf("%q starts %d article IDs (%s, %s…); type more of one", corpus.SanitizeLine(ref), len(found), found[0].ID, found[1].ID)
	}
	if n, err := strconv.Atoi(ref); err == nil && n >= 1 && n <= len(c.Articles) {
		return c.Articles[n-1], nil
	}
	return nil, fmt.Errorf("no article %q", corpus.SanitizeLine(ref))
}

// search prints the list's ranking for a query.
func search(args []string, stdout, stderr io.Writer) int {
	command := newCommand("counterpoint search", stderr)
	asJSON := command.fs.Bool("json", false, "print a JSON array")
	pos, err := parseAll(command.fs, args)
	if err != nil {
		return exitFor(err)
	}
	if len(pos) < 1 {
		fmt.Fprintln(stderr, "counterpoint search: usage: counterpoint search [--json] QUERY [PATH...]")
		return 2
	}
	c, ok := command.load(pos[1:])
	if !ok {
		return 1
	}
	hits := c.Search(pos[0], nil)
	if !*asJSON {
		ui.WriteSearch(stdout, c, hits)
		return 0
	}
	type row struct {
		Article string `json:"article"`
		Title   string `json:"title"`
		Score   int    `json:"score"`
	}
	out := []row{}
	for _, h := range hits {
		out = append(out, row{c.Articles[h.Index].ID, c.Articles[h.Index].Title, h.Score})
	}
	return writeJSON(stdout, stderr, out)
}

// parseAll parses flags wherever they stand among the arguments
// ("read ID --width 80" as well as "read --width 80 ID") and returns the
// positional arguments. "--" ends the flags.
func parseAll(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

func exitFor(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}

func writeJSON(stdout, stderr io.Writer, v any) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		fmt.Fprintln(stderr, "counterpoint:", err)
		return 1
	}
	return 0
}

// command is a subcommand's flag set with the flags every command has.
type command struct {
	fs      *flag.FlagSet
	maxSize *int64
	seeds   *bool
	stderr  io.Writer
}

func newCommand(name string, stderr io.Writer) *command {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return &command{fs: fs, stderr: stderr,
		maxSize: fs.Int64("max-file-size", corpus.DefaultMaxFileSize, "skip article files larger than this many bytes"),
		seeds:   fs.Bool("seeds", false, "with no PATH, read the embedded seeds even when the library holds articles")}
}

// load reads the articles at paths (the seeds when none), reporting the
// files it skipped; ok is false, with the message printed, when nothing
// could be loaded.
func (c *command) load(paths []string) (*corpus.Corpus, bool) {
	cp, err := cli.LoadArticles(paths, corpus.Options{MaxFileSize: *c.maxSize}, *c.seeds)
	reportSkipped(cp, c.stderr)
	if err != nil {
		fmt.Fprintln(c.stderr, "counterpoint:", err)
		return nil, false
	}
	return cp, true
}

// headless runs the quotes and debate subcommands.
func headless(cmd string, args []string, stdout, stderr io.Writer) int {
	command := newCommand("counterpoint "+cmd, stderr)
	asJSON := command.fs.Bool("json", false, "print a JSON array")
	markdown := command.fs.Bool("markdown", false, "debate: print as Markdown, of article ID if the first argument is one")
	pos, err := parseAll(command.fs, args)
	if err != nil {
		return exitFor(err)
	}
	if *markdown && cmd == "debate" {
		return cli.DebateMarkdown(pos, corpus.Options{MaxFileSize: *command.maxSize}, *command.seeds, stdout, stderr)
	}
	if *asJSON && len(pos) > 0 {
		// Files stream: each article written as it is analysed.
		return streamJSON(cmd, pos, *command.maxSize, stdout, stderr)
	}
	c, ok := command.load(pos)
	if !ok {
		return 1
	}
	if *asJSON {
		return writeCorpusJSON(cmd, c, stdout, stderr)
	}
	if cmd == "quotes" {
		c.WriteQuotes(stdout)
	} else {
		c.WriteDebate(stdout)
	}
	return 0
}

func reportSkipped(c *corpus.Corpus, stderr io.Writer) {
	if c == nil {
		return
	}
	for _, s := range c.Skipped {
		fmt.Fprintln(stderr, "counterpoint:", s)
	}
}

// serveCmd serves the reader over SSH until SIGINT or SIGTERM.
func serveCmd(args []string, stderr io.Writer) int {
	command := newCommand("counterpoint serve", stderr)
	fs := command.fs
	var cfg serve.Config
	fs.StringVar(&cfg.Listen, "listen", "127.0.0.1:23234", "address to listen on; another address than loopback is your explicit choice")
	fs.StringVar(&cfg.HostKeyPath, "host-key", serve.DefaultHostKeyPath(), "host key file, created (ed25519, mode 0600) on first start")
	fs.StringVar(&cfg.AuthorizedKeysPath, "authorized-keys", "", "OpenSSH authorized_keys file: only these keys get in (default: anyone may read)")
	fs.IntVar(&cfg.MaxSessions, "max-sessions", 256, "sessions at once, over all connections")
	fs.IntVar(&cfg.MaxConnections, "max-connections", 512, "connections at once")
	fs.IntVar(&cfg.MaxSessionsPerConn, "max-sessions-per-conn", 2, "sessions on one connection")
	fs.IntVar(&cfg.MaxPerAddress, "max-per-address", 16, "connections held open at once from one address")
	fs.Float64Var(&cfg.RatePerMinute, "rate", 60, "new connections per minute from one address")
	fs.Float64Var(&cfg.RateBurst, "rate-burst", 20, "new connections from one address at once")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", 15*time.Minute, "close a connection with no traffic for this long")
	fs.DurationVar(&cfg.MaxSessionTime, "max-session", 12*time.Hour, "close any connection after this long")
	fs.DurationVar(&cfg.HandshakeTimeout, "handshake-timeout", 10*time.Second, "close a connection that has not authenticated and started a session within this time")
	fs.DurationVar(&cfg.GracePeriod, "grace", 5*time.Second, "on SIGINT or SIGTERM, wait this long for sessions to end")
	fs.StringVar(&cfg.Style, "style", "", "Glamour style for every session (default: dark or light from each client)")
	refresh := fs.Duration("refresh", 0, "with no PATH, fetch the library's feeds now and then at this interval, such as 30m (users can never make the server fetch)")
	paths, err := parseAll(fs, args)
	if err != nil {
		return exitFor(err)
	}
	if err := checkStyle(cfg.Style); err != nil {
		fmt.Fprintln(stderr, "counterpoint serve:", err)
		return 2
	}
	cfg.Version = version
	cfg.Logger = slog.New(slog.NewTextHandler(stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	shared, closeLib, ok := serveShared(ctx, command, paths, *refresh, cfg.Logger)
	if !ok {
		return 1
	}
	defer closeLib()
	srv, err := serve.New(shared, cfg)
	if err != nil {
		fmt.Fprintln(stderr, "counterpoint serve:", err)
		return 1
	}
	if err := srv.ListenAndServe(ctx); err != nil {
		fmt.Fprintln(stderr, "counterpoint serve:", err)
		return 1
	}
	return 0
}
