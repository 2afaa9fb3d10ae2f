package main

import (
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"

	"counterpoint/corpus"
	"counterpoint/ui"
)

// The reader keeps the whole corpus in memory. At Go's default collector
// target the heap may grow to twice what was live at the last collection
// before the next one, and pages freed are handed back slowly: the
// garbage of the last articles' analysis and those pages came on top of
// the corpus, to 3.1–3.4 times its size at 10,000 articles. A soft memory
// limit sized from the corpus files while they load makes the collector
// hand pages back and collect sooner, only near the end of the load.

// loadLimitBase is the room the reader needs whatever the corpus: the
// runtime's own structures, the interface, and the analysis in flight.
const loadLimitBase = 24 << 20

// loadLimitPerByte is how much memory the loaded corpus holds per byte of
// its files, with room to collect seldom: the text itself, its
// statements and the search words hold 1.8 bytes per byte at 10,000
// synthetic articles, and partly used pages a tenth more. Below 2, the
// collector ran every few megabytes at the end of the load, for half as
// much CPU again.
const loadLimitPerByte = 2.0

// loadMemoryLimit is the soft memory limit while a corpus of n bytes of
// files loads.
func loadMemoryLimit(n int64) int64 {
	return loadLimitBase + int64(math.Ceil(loadLimitPerByte*float64(n)))
}

// loadGCPercent is the collector's target while the corpus loads, unless
// GOGC says otherwise. The limit caps the heap near the end of the load,
// so the target can let the heap grow further before: half as many
// collections in the first part of the load, each marking all that is
// loaded so far (instructions of a 10,000-article load: 7% more than
// without a limit at Go's default target, 4.5% more at 200). Without a
// target, collecting only at the limit, it was 9% more.
const loadGCPercent = 200

// The limit is an estimate from the files' sizes, and a corpus that holds
// more per byte (many tiny files, or one hostile file whose analysis
// holds hundreds of times its size for a moment) would make the collector
// run without pause under it. After each collection the limit is raised,
// when needed, to a third above what is live, plus a margin: partly used
// pages and the runtime's structures take an eighth, and the rest is room
// to allocate in before the next collection. The room sets what the end
// of a large load costs: loading 30,000 articles took 9% more
// instructions than without a limit with a quarter above, 5% with a
// third; with a sixth, the last collections at 100,000 articles came
// every 30 MB and spent more in assists than all the collections before.
const (
	liveRoomFactor = 1.35
	liveRoomMargin = 8 << 20
)

// limitAbove returns the limit to keep after a collection left live bytes
// live under limit: limit itself, or more if it leaves too little room.
func limitAbove(limit int64, live uint64) int64 {
	return max(limit, int64(liveRoomFactor*float64(live))+liveRoomMargin)
}

// loadMemory is the soft limit in force while the reader loads.
type loadMemory struct {
	mu      sync.Mutex
	prev    int64 // the limit before, restored by finish
	prevGC  int   // the collector's target before, restored by finish
	setGC   bool  // the target was changed (GOGC was not set by the user)
	limit   int64
	stopped bool
}

// startLoadMemory sets the limit for a corpus of n bytes of files and
// watches the collections until finish.
func startLoadMemory(n int64) *loadMemory {
	m := &loadMemory{limit: loadMemoryLimit(n)}
	m.prev = debug.SetMemoryLimit(m.limit)
	if os.Getenv("GOGC") == "" {
		m.prevGC, m.setGC = debug.SetGCPercent(loadGCPercent), true
	}
	m.arm()
	return m
}

// gcSentinel is dropped at once, so the next collection frees it and runs
// its cleanup: a call after each collection, which the runtime offers no
// other way. It holds a pointer so it is never packed with other small
// objects, whose cleanup would wait for theirs.
type gcSentinel struct{ _ *byte }

func (m *loadMemory) arm() {
	runtime.AddCleanup(new(gcSentinel), func(m *loadMemory) { m.afterGC() }, m)
}

// afterGC raises the limit when the collection left too little room, and
// waits for the next one.
func (m *loadMemory) afterGC() {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.stopped {
		return
	}
	if s[0].Value.Kind() == metrics.KindUint64 {
		if l := limitAbove(m.limit, s[0].Value.Uint64()); l != m.limit {
			m.limit = l
			debug.SetMemoryLimit(l)
		}
	}
	m.arm()
}

// finish collects the load's garbage, hands the freed pages back and
// restores the limit that was in force before the load.
func (m *loadMemory) finish() {
	m.mu.Lock()
	m.stopped = true
	m.mu.Unlock()
	if m.setGC {
		debug.SetGCPercent(m.prevGC)
	}
	debug.FreeOSMemory()
	debug.SetMemoryLimit(m.prev)
}

// limitLoadMemory wraps the reader's load in a soft memory limit sized
// from the article files at paths. Once the corpus is loaded, its
// garbage is collected and handed back before the list draws (done in
// the background while it draws, the collection could not free what the
// first frames allocate, and the peak was 4 MB higher at 10,000
// articles), and the limit in force before is restored. GOMEMLIMIT set
// by the user stands, and the library and the seeds (no paths), whose
// sizes are not known ahead, load as before.
func limitLoadMemory(paths []string, load func() (*ui.Shared, error)) func() (*ui.Shared, error) {
	if len(paths) == 0 || os.Getenv("GOMEMLIMIT") != "" {
		return load
	}
	return func() (*ui.Shared, error) {
		n := articleBytes(paths)
		if n == 0 {
			return load()
		}
		m := startLoadMemory(n)
		defer m.finish()
		return load()
	}
}

// articleBytes adds up the sizes of the article files at paths as the
// loader finds them: .txt and .md files in folders, hidden ones left out,
// and files named directly whatever their extension. It is an estimate
// for the memory limit only, so unreadable entries and links are passed
// over.
func articleBytes(paths []string) int64 {
	var n int64
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !info.IsDir() {
			n += info.Size()
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return nil
			case path != p && strings.HasPrefix(d.Name(), "."):
				if d.IsDir() {
					return filepath.SkipDir
				}
			case d.Type().IsRegular() && corpus.IsArticleName(d.Name()):
				if fi, err := d.Info(); err == nil {
					n += fi.Size()
				}
			}
			return nil
		})
	}
	return n
}
