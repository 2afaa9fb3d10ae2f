package main

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"counterpoint/corpus"
	"counterpoint/ui"
)

func TestLoadMemoryLimitGrowsWithTheCorpus(t *testing.T) {
	// 50 MB of files: room for twice that, and the fixed part.
	if got, want := loadMemoryLimit(50<<20), int64(124<<20); got != want {
		t.Errorf("limit for 50 MiB = %d MiB, want %d MiB", got>>20, want>>20)
	}
	if got := loadMemoryLimit(0); got != loadLimitBase {
		t.Errorf("limit for no files = %d, want the base %d", got, loadLimitBase)
	}
}

func TestLimitAboveLeavesRoomOverTheLiveHeap(t *testing.T) {
	limit := int64(124 << 20)
	// Well under the limit: it stands.
	if got := limitAbove(limit, 40<<20); got != limit {
		t.Errorf("live 40 MiB under a 124 MiB limit: limit %d MiB, want it kept", got>>20)
	}
	// Near it: raised to leave room to allocate before collecting again.
	got := limitAbove(limit, 100<<20)
	if got < 100<<20+liveRoomMargin {
		t.Errorf("live 100 MiB: limit %d MiB leaves less than %d MiB to allocate", got>>20, liveRoomMargin>>20)
	}
	if got > 160<<20 {
		t.Errorf("live 100 MiB: limit %d MiB, more room than asked for", got>>20)
	}
}

func TestArticleBytesCountsWhatTheLoaderReads(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, size int) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, make([]byte, size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", 100)
	write("sub/b.MD", 20)
	write("notes.pdf", 1000)        // not an article
	write(".hidden.txt", 1000)      // hidden files are left out
	write(".git/objects.txt", 1000) // and hidden folders
	other := filepath.Join(t.TempDir(), "named.log")
	if err := os.WriteFile(other, make([]byte, 7), 0o644); err != nil {
		t.Fatal(err)
	}
	// A file named directly counts whatever its extension; a missing
	// path counts nothing.
	if got := articleBytes([]string{dir, other, filepath.Join(dir, "missing")}); got != 127 {
		t.Errorf("articleBytes = %d, want 127 (100 + 20 + 7)", got)
	}
}

// currentLimit reads the soft memory limit without changing it.
func currentLimit() int64 { return debug.SetMemoryLimit(-1) }

// currentGCPercent reads the collector's target, setting it back at once.
func currentGCPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

func TestLimitLoadMemoryHoldsTheLimitDuringTheLoadOnly(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), make([]byte, 1<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	before, beforeGC := currentLimit(), currentGCPercent()
	var during int64
	var duringGC int
	load := limitLoadMemory([]string{dir}, func() (*ui.Shared, error) {
		during, duringGC = currentLimit(), currentGCPercent()
		return ui.NewShared(corpus.LoadSeeds()), nil
	})
	if _, err := load(); err != nil {
		t.Fatal(err)
	}
	if want := loadMemoryLimit(1 << 20); during != want {
		t.Errorf("limit during the load = %d, want %d", during, want)
	}
	if duringGC != loadGCPercent {
		t.Errorf("collector's target during the load = %d, want %d", duringGC, loadGCPercent)
	}
	if after := currentLimit(); after != before {
		t.Errorf("limit after the load = %d, want the one before, %d", after, before)
	}
	if after := currentGCPercent(); after != beforeGC {
		t.Errorf("collector's target after the load = %d, want the one before, %d", after, beforeGC)
	}
}

func TestLimitLoadMemoryLeavesTheUsersGOGC(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Title\n\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "100")
	before := currentGCPercent()
	load := limitLoadMemory([]string{dir}, func() (*ui.Shared, error) {
		if got := currentGCPercent(); got != before {
			t.Errorf("collector's target during the load = %d, want GOGC's (%d)", got, before)
		}
		return nil, nil
	})
	load()
}

func TestLimitLoadMemoryLeavesTheUsersLimitAndTheLibrary(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Title\n\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := currentLimit()
	check := func(name string, paths []string) {
		t.Helper()
		load := limitLoadMemory(paths, func() (*ui.Shared, error) {
			if got := currentLimit(); got != before {
				t.Errorf("%s: limit during the load = %d, want it untouched (%d)", name, got, before)
			}
			return nil, nil
		})
		load()
	}
	check("no paths (library or seeds)", nil)
	t.Setenv("GOMEMLIMIT", "1GiB")
	check("GOMEMLIMIT set", []string{dir})
}

func TestLoadMemoryRaisesTheLimitOverALargerLiveHeap(t *testing.T) {
	before := currentLimit()
	m := startLoadMemory(1 << 20) // a limit of 26 MiB
	defer func() {
		m.finish()
		if got := currentLimit(); got != before {
			t.Errorf("limit after finish = %d, want %d", got, before)
		}
	}()
	// More live than the estimate allowed for: after a collection the
	// limit leaves room above it, so the collector does not run without
	// pause.
	live := make([]*[1 << 20]byte, 48)
	for i := range live {
		live[i] = new([1 << 20]byte)
	}
	want := int64(48<<20) + liveRoomMargin
	deadline := time.Now().Add(30 * time.Second)
	for {
		runtime.GC()
		m.mu.Lock()
		got := m.limit
		m.mu.Unlock()
		if got >= want && currentLimit() == got {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("limit %d MiB after collections with 48 MiB live, want at least %d MiB", got>>20, want>>20)
		}
		runtime.Gosched()
	}
	runtime.KeepAlive(live)
}
