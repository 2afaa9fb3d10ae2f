package main

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// figures are one server's measures in one round of -compare.
type figures struct {
	spreadP95, onceP95      time.Duration // first frame: arriving 20 ms apart, and all at once
	cpuPerStart             time.Duration // server CPU per session, all at once, until it idles
	rssBase, rssPeak, rss30 int64         // around the spread burst: before, highest, 30 s after the clients left
	failed                  int
}

// compare measures the bare server and counterpoint side by side, each in
// a process of its own, rounds times, and prints the medians with their
// ranges, then the bytes on the wire.
func compare(n, articles, filterArticles, rounds int, rssWait time.Duration, cpuProfile string) error {
	kinds := []string{"bare", "counterpoint"}
	all := map[string][]figures{}
	for r := range rounds {
		for _, kind := range kinds {
			profile := ""
			if kind == "counterpoint" && r == 0 {
				profile = cpuProfile
			}
			f, err := measureServer(kind, n, articles, rssWait, profile)
			if err != nil {
				return fmt.Errorf("%s, round %d: %w", kind, r+1, err)
			}
			fmt.Printf("round %d, %-12s  20 ms apart p95 %v · at once p95 %v · CPU/start %.1f ms · RSS %s → peak %s → 30 s after %s · %d failed\n",
				r+1, kind, f.spreadP95, f.onceP95, ms(f.cpuPerStart), mb(f.rssBase), mb(f.rssPeak), mb(f.rss30), f.failed)
			all[kind] = append(all[kind], f)
		}
	}
	perJ, _, err := measureBytes(0)
	if err != nil {
		return err
	}
	_, perKey, err := measureBytes(filterArticles)
	if err != nil {
		return err
	}
	b, c := all["bare"], all["counterpoint"]
	durs := func(fs []figures, get func(figures) time.Duration) string {
		var xs []float64
		for _, f := range fs {
			xs = append(xs, ms(get(f)))
		}
		return spread(xs, "%.0f ms")
	}
	mbs := func(fs []figures, get func(figures) int64) string {
		var xs []float64
		for _, f := range fs {
			xs = append(xs, float64(get(f))/(1<<20))
		}
		return spread(xs, "%.0f MB")
	}
	fmt.Printf("\n%d sessions, medians of %d rounds (range), each server in its own process:\n\n", n, rounds)
	fmt.Println("| measure | counterpoint | bare server, same libraries |")
	fmt.Println("|---|---|---|")
	fmt.Printf("| first frame, %d sessions arriving 20 ms apart, p95 | %s | %s |\n", n, durs(c, func(f figures) time.Duration { return f.spreadP95 }), durs(b, func(f figures) time.Duration { return f.spreadP95 }))
	fmt.Printf("| first frame, %d arriving at once, p95 | %s | %s |\n", n, durs(c, func(f figures) time.Duration { return f.onceP95 }), durs(b, func(f figures) time.Duration { return f.onceP95 }))
	cpuOf := func(fs []figures) string {
		var xs []float64
		for _, f := range fs {
			xs = append(xs, float64(f.cpuPerStart.Microseconds())/1000)
		}
		return spread(xs, "%.1f ms")
	}
	fmt.Printf("| server CPU per session start (at once, until idle) | %s | %s |\n", cpuOf(c), cpuOf(b))
	fmt.Printf("| RSS before the 20 ms apart burst | %s | %s |\n", mbs(c, func(f figures) int64 { return f.rssBase }), mbs(b, func(f figures) int64 { return f.rssBase }))
	fmt.Printf("| RSS peak | %s | %s |\n", mbs(c, func(f figures) int64 { return f.rssPeak }), mbs(b, func(f figures) int64 { return f.rssPeak }))
	fmt.Printf("| RSS %v after the clients left | %s | %s |\n", rssWait, mbs(c, func(f figures) int64 { return f.rss30 }), mbs(b, func(f figures) int64 { return f.rss30 }))
	fmt.Printf("| bytes per j in an article, 120×40, 256 colours (seeds) | %.0f | – |\n", perJ)
	fmt.Printf("| bytes per filter keystroke (%d articles) | %.0f | – |\n", filterArticles, perKey)
	return nil
}

// measureServer runs the two bursts against fresh server processes.
func measureServer(kind string, n, articles int, rssWait time.Duration, cpuProfile string) (figures, error) {
	var f figures
	reader := kind == "counterpoint" && !startOnly

	// Arriving 20 ms apart, sessions doing their work (counterpoint's open
	// an article and search), then leaving: first frames and memory.
	c, err := startChild(kind, n, articles, "")
	if err != nil {
		return f, err
	}
	c.settle(10 * time.Second)
	f.rssBase = c.rss()
	peak := watchPeak(c)
	clients, _, firsts, _, errs := burst(c.addr, n, 20*time.Millisecond, reader)
	c.settle(30 * time.Second)
	for _, cl := range clients {
		if cl != nil {
			cl.Close()
		}
	}
	left := time.Now()
	time.Sleep(rssWait - time.Since(left)) // the figure is "RSS so long after": a measuring tool, not a test
	f.rss30 = c.rss()
	f.rssPeak = peak()
	f.spreadP95 = p95(firsts)
	f.failed += len(errs)
	if err := c.stop(); err != nil {
		return f, err
	}

	// All at once, first frames only: the cost of starting a session.
	c, err = startChild(kind, n, articles, cpuProfile)
	if err != nil {
		return f, err
	}
	c.settle(10 * time.Second)
	cpu0 := c.cpu()
	clients, _, firsts, _, errs = burst(c.addr, n, 0, false)
	c.settle(30 * time.Second) // a session's start-up work may go on after its first frame
	f.cpuPerStart = (c.cpu() - cpu0) / time.Duration(max(n-len(errs), 1))
	f.onceP95 = p95(firsts)
	f.failed += len(errs)
	for _, cl := range clients {
		if cl != nil {
			cl.Close()
		}
	}
	return f, c.stop()
}

// watchPeak samples the server's RSS every 50 ms until the returned
// function is called, which returns the highest.
func watchPeak(c *child) func() int64 {
	var mu sync.Mutex
	var peak int64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			if r := c.rss(); r > 0 {
				mu.Lock()
				peak = max(peak, r)
				mu.Unlock()
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() int64 {
		close(stop)
		<-done
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}

func p95(ds []time.Duration) time.Duration {
	var xs []time.Duration
	for _, d := range ds {
		if d > 0 {
			xs = append(xs, d)
		}
	}
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	return xs[min(len(xs)-1, int(0.95*float64(len(xs))))].Round(time.Millisecond)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func mb(b int64) string { return fmt.Sprintf("%.0f MB", float64(b)/(1<<20)) }

// spread is the median of xs, with the range when there are several.
func spread(xs []float64, format string) string {
	if len(xs) == 0 {
		return "–"
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	med := fmt.Sprintf(format, s[len(s)/2])
	if len(s) == 1 {
		return med
	}
	unit := format[strings.LastIndexByte(format, ' '):]
	num := strings.TrimSuffix(format, unit)
	return fmt.Sprintf("%s ("+num+"–"+num+")", med, s[0], s[len(s)-1])
}
