package main

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/vt"
)

var keyFrames = flag.Bool("keys", false, "measure key → frame in the list filter over one SSH session: each letter of several queries, typed one at a time")

// keyQueries are typed by -keys: names and words of the synthetic corpus,
// a word it lacks, and two terms.
var keyQueries = []string{"sorensen", "stoltenberg", "nato", "cyber norway"}

// emulated is a session's screen as a terminal would show it: Bubble Tea
// sends only the cells that change, so the byte stream alone cannot say
// when a frame shows the result of a key.
type emulated struct {
	mu      sync.Mutex
	changed *sync.Cond
	screen  *vt.Emulator
}

func (e *emulated) read(r io.Reader, answers io.Writer) {
	b := make([]byte, 32<<10)
	for {
		n, err := r.Read(b)
		chunk := b[:n]
		answerQueries(chunk, answers)
		e.mu.Lock()
		e.screen.Write(chunk)
		e.changed.Broadcast()
		e.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// waitUntil waits until shows(screen) holds, or the timeout passes.
func (e *emulated) waitUntil(shows func(string) bool, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	timer := time.AfterFunc(timeout, func() { e.mu.Lock(); e.changed.Broadcast(); e.mu.Unlock() })
	defer timer.Stop()
	e.mu.Lock()
	defer e.mu.Unlock()
	for !shows(e.screen.String()) {
		if time.Now().After(deadline) {
			return false
		}
		e.changed.Wait()
	}
	return true
}

// measureKeyFrames opens one 120x40 session and types each query a letter
// at a time into the list's filter, timing each key to the first frame
// whose status bar names the new query: the search has run and its result
// is drawn.
func measureKeyFrames(articles, rounds int) error {
	s, closeAll, err := openOneSession(articles, "keys")
	if err != nil {
		return err
	}
	defer closeAll()
	in, _ := s.StdinPipe()
	out, _ := s.StdoutPipe()
	e := &emulated{screen: vt.NewEmulator(120, 40)}
	e.changed = sync.NewCond(&e.mu)
	go io.Copy(io.Discard, e.screen) // the emulator's own answers are not sent
	go e.read(out, in)
	if err := s.Shell(); err != nil {
		return err
	}
	const timeout = 30 * time.Second
	contains := func(text string) func(string) bool {
		return func(screen string) bool { return strings.Contains(screen, text) }
	}
	if !e.waitUntil(contains("Articles"), timeout) {
		return fmt.Errorf("no first frame")
	}
	var all []time.Duration
	perQuery := map[string][]time.Duration{} // by query typed so far, one per round
	for range rounds {
		for _, q := range keyQueries {
			in.Write([]byte("/"))
			if !e.waitUntil(contains("words, 'exact"), timeout) { // the empty filter's placeholder
				return fmt.Errorf("the filter did not open")
			}
			for i := range len(q) {
				start := time.Now()
				in.Write([]byte{q[i]})
				// The list says how many articles match the new query.
				if !e.waitUntil(contains(fmt.Sprintf("for %q", q[:i+1])), timeout) {
					return fmt.Errorf("no frame for %q", q[:i+1])
				}
				took := time.Since(start)
				all = append(all, took)
				perQuery[q[:i+1]] = append(perQuery[q[:i+1]], took)
			}
			in.Write([]byte{0x1b}) // esc clears the filter
			if !e.waitUntil(contains("Articles ("), timeout) {
				return fmt.Errorf("the filter did not clear")
			}
		}
	}
	fmt.Printf("corpus: %d articles; %d rounds of %q\n", articles, rounds, keyQueries)
	fmt.Printf("key → frame in the list filter: %s over %d keys\n", percentiles(all), len(all))
	// A query slow in every round points at the search; a key slow in one
	// round at the pipeline or the neighbours.
	median := map[string]time.Duration{}
	for q, ds := range perQuery {
		slices.Sort(ds)
		median[q] = ds[len(ds)/2]
	}
	queries := slices.SortedFunc(maps.Keys(median), func(a, b string) int { return cmp.Compare(median[b], median[a]) })
	var worst []string
	for _, q := range queries[:min(len(queries), 6)] {
		worst = append(worst, fmt.Sprintf("%q %v", q, median[q].Round(time.Millisecond)))
	}
	fmt.Printf("slowest queries (median of %d rounds): %s\n", rounds, strings.Join(worst, ", "))
	return nil
}
