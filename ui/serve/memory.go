package serve

import (
	"os"
	"runtime/debug"
	"sync"
	"time"
)

// burstGCPercent is the garbage collector's target while serving, unless
// GOGC says otherwise. At Go's default (100) a burst of 200 sessions
// spent a sixth of its CPU collecting and stalled sessions in mark
// assists (first frames p95 4.1 s against 2.8 s at 200, CPU per session
// 7% higher); the heap it lets grow is handed back by the reclaimer once
// sessions end.
const burstGCPercent = 200

var tuneOnce sync.Once

// tuneGC sets the collector's target for a serving process, once.
func tuneGC() {
	tuneOnce.Do(func() {
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(burstGCPercent)
		}
	})
}

// reclaimer gives the memory of ended sessions back to the system. Go
// keeps a heap it has grown, and an idle server does no collection (the
// forced one comes every two minutes) and hands pages back only slowly:
// after 200 sessions had left, the server stayed at nine times its
// starting RSS for minutes. Once sessions stop ending for a moment, the
// garbage is collected and returned at once.
type reclaimer struct {
	quiet    time.Duration // after the last session ended
	maxDelay time.Duration // after the first session ended since the last reclaim, while sessions keep ending
	free     func()

	mu    sync.Mutex
	timer *time.Timer
	first time.Time // the first end not yet reclaimed; zero when none
}

func newReclaimer() *reclaimer {
	return &reclaimer{quiet: time.Second, maxDelay: 10 * time.Second, free: debug.FreeOSMemory}
}

// sessionEnded schedules a reclaim: quiet after this end, and never
// later than maxDelay after the first end not yet reclaimed.
func (r *reclaimer) sessionEnded() {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := time.Now()
	if r.first.IsZero() {
		r.first = now
	}
	wait := min(r.quiet, max(r.first.Add(r.maxDelay).Sub(now), 0))
	if r.timer == nil {
		r.timer = time.AfterFunc(wait, r.reclaim)
		return
	}
	r.timer.Reset(wait)
}

func (r *reclaimer) reclaim() {
	r.mu.Lock()
	r.first = time.Time{}
	free := r.free
	r.mu.Unlock()
	free()
}

// stop cancels a pending reclaim.
func (r *reclaimer) stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.timer != nil {
		r.timer.Stop()
	}
}
