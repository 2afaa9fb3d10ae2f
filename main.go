// Command counterpoint is a terminal news reader that shows who said what,
// and how the other side answered.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"counterpoint/corpus"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `counterpoint: read the news and see who said what, and how the other side answered.

Usage:
  counterpoint [flags] [PATH...]                 open the reader (the embedded seeds when no PATH)
  counterpoint quotes [--json] [PATH...]         list every statement with speaker, party and role
  counterpoint debate [--json] [PATH...]         list accusations next to the responses they drew

PATH is a .txt or .md file, or a folder searched recursively for them.

Flags:
`

// run is main without the exit, so tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "quotes", "debate":
			return headless(args[0], args[1:], stdout, stderr)
		}
	}
	fs := flag.NewFlagSet("counterpoint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	showVersion := fs.Bool("version", false, "print the version and exit")
	maxSize := fs.Int64("max-file-size", corpus.DefaultMaxFileSize, "skip article files larger than this many bytes")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *showVersion {
		fmt.Fprintln(stdout, "counterpoint", version)
		return 0
	}
	c, err := corpus.Load(fs.Args(), corpus.Options{MaxFileSize: *maxSize})
	reportSkipped(c, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "counterpoint:", err)
		return 1
	}
	c.WriteQuotes(stdout) // placeholder until the reader lands
	return 0
}

// headless runs the quotes and debate subcommands.
func headless(cmd string, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("counterpoint "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print a JSON array")
	maxSize := fs.Int64("max-file-size", corpus.DefaultMaxFileSize, "skip article files larger than this many bytes")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	c, err := corpus.Load(fs.Args(), corpus.Options{MaxFileSize: *maxSize})
	reportSkipped(c, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "counterpoint:", err)
		return 1
	}
	var out any
	switch {
	case cmd == "quotes" && *asJSON:
		out = c.QuoteRecords()
	case cmd == "debate" && *asJSON:
		out = c.DebateRecords()
	case cmd == "quotes":
		c.WriteQuotes(stdout)
		return 0
	default:
		c.WriteDebate(stdout)
		return 0
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(stderr, "counterpoint:", err)
		return 1
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
