package serve

import (
	"sync/atomic"
	"testing"
	"time"
)

// Sessions ending together cost one reclaim, once they have stopped
// ending; sessions that keep ending are reclaimed by maxDelay anyway.
func TestReclaimAfterSessionsEnd(t *testing.T) {
	var freed atomic.Int32
	r := &reclaimer{quiet: 50 * time.Millisecond, maxDelay: time.Hour, free: func() { freed.Add(1) }}
	for range 5 {
		r.sessionEnded()
	}
	if !eventually(wait, func() bool { return freed.Load() == 1 }) {
		t.Fatalf("%d reclaims after five sessions ended together, want 1", freed.Load())
	}
	r.mu.Lock()
	pending := !r.first.IsZero()
	r.mu.Unlock()
	if pending {
		t.Errorf("a reclaim is still pending after the one that ran")
	}

	freed.Store(0)
	r = &reclaimer{quiet: time.Hour, maxDelay: 50 * time.Millisecond, free: func() { freed.Add(1) }}
	stop := make(chan struct{})
	defer close(stop)
	go func() { // a session ends every 10 ms, for ever
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				r.sessionEnded()
			}
		}
	}()
	if !eventually(wait, func() bool { return freed.Load() >= 1 }) {
		t.Fatalf("no reclaim while sessions kept ending")
	}
}

// The server reclaims memory once its sessions have ended.
func TestServerReclaimsWhenSessionsEnd(t *testing.T) {
	addr, srv, _, _ := start(t, Config{}, hooks{})
	var freed atomic.Int32
	srv.memory.mu.Lock()
	srv.memory.free = func() { freed.Add(1) }
	srv.memory.quiet = 10 * time.Millisecond
	srv.memory.mu.Unlock()
	tm := openTerm(t, dialWithNewKey(t, addr), 100, 30)
	if !tm.waitFor(t, "Articles", 0, wait) {
		t.Fatal("no first frame")
	}
	tm.send("q")
	if !eventually(wait, func() bool { return freed.Load() > 0 }) {
		t.Errorf("no memory reclaimed after the session ended")
	}
}
