package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"counterpoint/corpus"
)

// streamMemoryLimit is the soft memory limit of the streaming commands.
const streamMemoryLimit = 512 << 20

// streamGCPercent is the collector's target of the streaming commands.
const streamGCPercent = 400

// streamJSON prints `quotes --json` or `debate --json` while the corpus is
// analysed: each article's records are written as soon as it and every
// article before it are done, and then it is dropped, so memory stays that
// of the few articles in flight however large the corpus.
func streamJSON(cmd string, paths []string, maxSize int64, stdout, stderr io.Writer) int {
	// The heap here is a few articles in flight, so the collector's
	// default target makes it run every few megabytes: twice the target
	// saved a fifteenth of the CPU (measured on polnear-train), four times
	// a further twentieth of the instructions (1k synthetic articles) for
	// 20 MB more at its peak (10k: 40 → 60 MB, for a corpus of 50 MB).
	// GOGC set by the user stands.
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(streamGCPercent))
	}
	// That target lets the garbage of one large file of a hostile shape
	// (4 MiB of `“a” ` repeated holds 320 MB live, a million quotations)
	// wait for the next, to 1.4 GB for the hostile corpus of
	// hostile_test.go; a soft limit makes the collector run sooner there
	// (540 MB, under three times the corpus's 193 MB, for a fifth more
	// CPU than a limit of 768 MB, which peaked at 800 MB), and is never
	// reached by news, which streams in under 150 MB. GOMEMLIMIT set by
	// the user stands.
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(streamMemoryLimit))
	}
	// Buffered: one write per statement would be a system call each.
	w := bufio.NewWriterSize(stdout, 64<<10)
	out := corpus.NewJSONArray(w)
	add := out.AddQuotes
	if cmd == "debate" {
		add = out.AddDebate
	}
	skip := func(s corpus.Skipped) { fmt.Fprintln(stderr, "counterpoint:", s) }
	opts := corpus.Options{MaxFileSize: maxSize, NoSearchIndex: true, NoDebate: cmd == "quotes"}
	n, err := corpus.Each(paths, opts, skip, add)
	if err == nil && n == 0 {
		err = errors.New("no articles could be loaded")
	}
	if err == nil {
		err = out.Close()
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintln(stderr, "counterpoint:", err)
		return 1
	}
	return 0
}

// writeCorpusJSON writes the JSON array of an already loaded corpus (the library
// or the seeds), in the same shape streamJSON writes for files.
func writeCorpusJSON(cmd string, c *corpus.Corpus, stdout, stderr io.Writer) int {
	out := corpus.NewJSONArray(stdout)
	add := out.AddQuotes
	if cmd == "debate" {
		add = out.AddDebate
	}
	var err error
	for _, a := range c.Articles {
		if err = add(a); err != nil {
			break
		}
	}
	if err == nil {
		err = out.Close()
	}
	if err != nil {
		fmt.Fprintln(stderr, "counterpoint:", err)
		return 1
	}
	return 0
}
