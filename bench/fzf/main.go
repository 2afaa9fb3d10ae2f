// Command fzf types queries a letter at a time over a synthetic corpus
// (counterpoint/corpus/synth) and times counterpoint's search and fzf's
// algo.FuzzyMatchV2 over each article's title and speakers, side by side
// and interleaved letter by letter, so that both see the same load on the
// machine. It prints, for every letter of every query, the median wall and
// CPU time of each, and each query's worst letter.
//
// It is a module of its own so that counterpoint does not depend on fzf:
//
//	cd bench/fzf && go run . -n 1000,10000,100000 -reps 5
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"counterpoint/corpus"
	"counterpoint/corpus/synth"

	"github.com/junegunn/fzf/src/algo"
	"github.com/junegunn/fzf/src/util"
)

// build analyses n synthetic articles on every core, and gives fzf each
// one's line: the title, then its speakers' names.
func build(n int) (*corpus.Corpus, []util.Chars) {
	arts := make([]*corpus.Article, n)
	var wg sync.WaitGroup
	w := runtime.GOMAXPROCS(0)
	for k := range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := k; i < n; i += w {
				a := corpus.Parse(fmt.Sprintf("%06d", i), "synth", synth.Article(i))
				a.Analyse()
				arts[i] = a
			}
		}()
	}
	wg.Wait()
	lines := make([]util.Chars, n)
	for i, a := range arts {
		parts := []string{a.Title}
		for _, s := range a.Speakers {
			parts = append(parts, s.Name)
		}
		lines[i] = util.ToChars([]byte(strings.Join(parts, " ")))
	}
	c := corpus.NewCorpus(arts, nil)
	c.PrepareSearch() // as the list does when it opens
	return c, lines
}

type fzfHit struct{ idx, score int }

// slabs are fzf's per-thread scratch, made once as fzf does.
var slabs []*util.Slab

// fzfSearch is fzf's matcher over the lines: terms ANDed, smart case,
// accents normalised, split over all cores, each with its own slab, then
// ordered by score. cands, when not nil, are the previous hits (fzf's
// cache for a query that extends the last one).
func fzfSearch(lines []util.Chars, q string, cands []int) []fzfHit {
	type pattern struct {
		runes         []rune
		caseSensitive bool
	}
	var pats []pattern
	for _, f := range strings.Fields(q) {
		cs := strings.ToLower(f) != f
		r := []rune(f)
		if !cs {
			r = []rune(strings.ToLower(f))
		}
		pats = append(pats, pattern{algo.NormalizeRunes(r), cs})
	}
	if cands == nil {
		cands = make([]int, len(lines))
		for i := range cands {
			cands[i] = i
		}
	}
	w := runtime.GOMAXPROCS(0)
	parts := make([][]fzfHit, w)
	var wg sync.WaitGroup
	chunk := (len(cands) + w - 1) / w
	for k := range w {
		lo, hi := k*chunk, min((k+1)*chunk, len(cands))
		if lo >= hi {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			slab := slabs[k]
			var out []fzfHit
		next:
			for _, i := range cands[lo:hi] {
				score := 0
				for _, p := range pats {
					r, _ := algo.FuzzyMatchV2(p.caseSensitive, true, true, &lines[i], p.runes, false, slab)
					if r.Start < 0 {
						continue next
					}
					score += r.Score
				}
				out = append(out, fzfHit{i, score})
			}
			parts[k] = out
		}()
	}
	wg.Wait()
	var all []fzfHit
	for _, p := range parts {
		all = append(all, p...)
	}
	slices.SortStableFunc(all, func(a, b fzfHit) int { return b.score - a.score })
	return all
}

// cpuTime is the CPU time of the process, user and system, all threads:
// on a machine shared with other jobs the wall clock measures them too.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func median(ds []time.Duration) float64 {
	s := slices.Clone(ds)
	slices.Sort(s)
	return float64(s[len(s)/2]) / 1e6
}

// timings are one side's measures of one letter, a run each.
type timings struct{ wall, cpu []time.Duration }

func (t *timings) add(wall, cpu time.Duration) {
	t.wall = append(t.wall, wall)
	t.cpu = append(t.cpu, cpu)
}

func timed(f func()) (wall, cpu time.Duration) {
	s, u := time.Now(), cpuTime()
	f()
	return time.Since(s), cpuTime() - u
}

func main() {
	sizes := flag.String("n", "1000,10000,100000", "corpus sizes, comma-separated")
	reps := flag.Int("reps", 5, "runs of each query (the median is reported)")
	queries := flag.String("q", "sorensen,stoltenberg,nato,cyber norway", "queries, comma-separated")
	only := flag.Bool("only", false, "time counterpoint alone (for profiles)")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the searches to this file")
	flag.Parse()
	algo.Init("default")
	for range runtime.GOMAXPROCS(0) {
		slabs = append(slabs, util.MakeSlab(100*1024, 2048))
	}
	fmt.Println("n\tquery\tcp wall ms\tfzf wall ms\tcp cpu ms\tfzf cpu ms\twall ratio\tcp hits\tfzf hits")
	for _, ns := range strings.Split(*sizes, ",") {
		var n int
		fmt.Sscan(ns, &n)
		start := time.Now()
		c, lines := build(n)
		fmt.Fprintf(os.Stderr, "built %d articles in %v\n", n, time.Since(start).Round(time.Millisecond))
		runtime.GC()
		if *profile != "" {
			f, err := os.Create(fmt.Sprintf("%s.%d", *profile, n))
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			pprof.StartCPUProfile(f)
		}
		for _, q := range strings.Split(*queries, ",") {
			cp := make([]timings, len(q))
			fz := make([]timings, len(q))
			hits := make([][2]int, len(q))
			for range *reps {
				var prev string
				var res *corpus.Result
				var fh []fzfHit
				for i := range len(q) {
					next := q[:i+1]
					var within *corpus.Result
					var fwithin []int
					if corpus.Narrows(prev, next) {
						within = res
						fwithin = make([]int, len(fh))
						for k, h := range fh {
							fwithin[k] = h.idx
						}
					}
					cp[i].add(timed(func() {
						res = c.Find(next, within)
						res.Window(0, 50) // what the list shows
					}))
					if !*only {
						fz[i].add(timed(func() { fh = fzfSearch(lines, next, fwithin) }))
					}
					hits[i] = [2]int{res.Len(), len(fh)}
					prev = next
				}
			}
			var worst [4]float64
			for i := range len(q) {
				row := [4]float64{median(cp[i].wall), 0, median(cp[i].cpu), 0}
				if !*only {
					row[1], row[3] = median(fz[i].wall), median(fz[i].cpu)
				}
				for k := range worst {
					worst[k] = max(worst[k], row[k])
				}
				fmt.Printf("%d\t%q\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%d\n", n, q[:i+1], row[0], row[1], row[2], row[3], row[0]/row[1], hits[i][0], hits[i][1])
			}
			fmt.Printf("%d\t%q WORST\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\n", n, q, worst[0], worst[1], worst[2], worst[3], worst[0]/worst[1])
		}
		if *profile != "" {
			pprof.StopCPUProfile()
		}
	}
}
