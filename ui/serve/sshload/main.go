// Command sshload measures the SSH reader under load, on loopback only. It
// starts a server in this process, opens N concurrent sessions with the
// x/crypto SSH client (answering the terminal queries a real terminal
// answers), and in each reads the first frame, opens an article and types a
// search. It prints p50/p95/p99 times to the first frame and to the article
// frame, the server's memory, goroutines and PTYs per session while they
// are held, and whether all of it is back to the baseline 10 s after the
// clients leave.
//
//	go run ./ui/serve/sshload -n 200
package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"counterpoint/corpus"
	"counterpoint/corpus/synth"
	"counterpoint/ui"
	"counterpoint/ui/serve"
)

func main() {
	n := flag.Int("n", 200, "concurrent sessions")
	articles := flag.Int("articles", 0, "serve this many synthetic articles instead of the seeds")
	flag.DurationVar(&arrival, "arrival", arrival, "time between two sessions' arrivals (0: all at once)")
	bare := flag.Bool("bare", false, "measure a bare wish + Bubble Tea server built here instead, for comparison")
	flag.BoolVar(&startOnly, "start-only", false, "sessions only wait for their first frame (as with -bare), without opening an article and searching")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile here: of the whole run, or with -compare of counterpoint's server process in the first round")
	wire := flag.Bool("bytes", false, "measure bytes on the wire: per j in an article and per filter keystroke, at 120x40 with 256 colours")
	cmp := flag.Bool("compare", false, "measure counterpoint and the bare server side by side, each in a process of its own, and print the table")
	rounds := flag.Int("rounds", 3, "with -compare: rounds to take the medians of; with -keys: times each query is typed")
	rssWait := flag.Duration("rss-wait", 30*time.Second, "with -compare: when to read the server's RSS after the clients left")
	filterArticles := flag.Int("filter-articles", 10000, "with -compare: synthetic articles for the bytes per filter keystroke")
	childKind := flag.String("child", "", "internal: serve this kind (counterpoint or bare) for -compare")
	flag.IntVar(&fps, "fps", 0, "counterpoint's frames per second (serve.Config.FPS; 0: its default)")
	idle := flag.Bool("idle", false, "measure the CPU that n connected, idle sessions cost, counterpoint's and the bare server's, each in a process of its own")
	flag.Parse()
	if *childKind != "" {
		if err := serveChild(*childKind, *n, *articles, *cpuProfile); err != nil {
			fmt.Fprintln(os.Stderr, "sshload child:", err)
			os.Exit(1)
		}
		return
	}
	if *cpuProfile != "" && !*cmp {
		f, err := os.Create(*cpuProfile)
		if err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	var err error
	switch {
	case *idle:
		err = measureIdle(*n, *articles)
	case *keyFrames:
		err = measureKeyFrames(*articles, *rounds)
	case *cmp:
		err = compare(*n, *articles, *filterArticles, *rounds, *rssWait, *cpuProfile)
	case *wire:
		var perJ, perKey float64
		if perJ, perKey, err = measureBytes(*articles); err == nil {
			fmt.Printf("bytes per j in an article (120x40, 256 colours): %.0f\n", perJ)
			fmt.Printf("bytes per filter keystroke: %.0f\n", perKey)
		}
	case *bare:
		err = runBare(*n)
	default:
		err = run(*n, *articles)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sshload:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
}

// fps is counterpoint's frame rate, 0 for its default.
var fps int

// startOnly makes sessions stop at their first frame.
var startOnly bool

func loadCorpus(articles int) *corpus.Corpus {
	c := corpus.LoadSeeds()
	if articles > 0 {
		as := make([]*corpus.Article, articles)
		for i := range as {
			as[i] = corpus.Parse(strconv.Itoa(i), "synth", synth.Article(i))
			as[i].Analyse()
		}
		c = corpus.NewCorpus(as, nil)
	}
	return c
}

// newServer builds the reader's server for n sessions from one address,
// with its host key in a temporary directory that cleanup removes.
func newServer(n, articles int) (srv *serve.Server, cleanup func(), err error) {
	shared := ui.NewShared(loadCorpus(articles))
	dir, err := os.MkdirTemp("", "sshload")
	if err != nil {
		return nil, nil, err
	}
	srv, err = serve.New(shared, serve.Config{
		HostKeyPath: filepath.Join(dir, "key"), MaxSessions: n + 10, MaxConnections: n + 10, MaxPerAddress: n + 10,
		RatePerMinute: 1e6, RateBurst: float64(n + 10), FPS: fps,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return srv, func() { os.RemoveAll(dir) }, nil
}

func run(n, articles int) error {
	srv, cleanup, err := newServer(n, articles)
	if err != nil {
		return err
	}
	defer cleanup()
	l, err := net.Listen("tcp", "127.0.0.1:0") // loopback only
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, l) }()
	addr := l.Addr().String()

	baseG, baseHeap, basePTY := runtime.NumGoroutine(), heapInUse(), openPTYs()
	cpu0 := cpuTime()
	clients, handshakes, firsts, articleFrames, errs := burst(addr, n, arrival, !startOnly)
	cpu := cpuTime() - cpu0
	failed := 0
	for err := range errs {
		failed++
		if failed == 1 {
			fmt.Println("first failure:", err)
		}
	}
	heldG, heldHeap, heldPTY, stats := runtime.NumGoroutine(), heapInUse(), openPTYs(), srv.Stats()
	ok := n - failed
	fmt.Printf("sessions: %d held, %d failed (server counts %d sessions, %d connections)\n", ok, failed, stats.Sessions, stats.Connections)
	fmt.Printf("SSH handshake:         %s\n", percentiles(handshakes))
	fmt.Printf("time to first frame:   %s (from the PTY request)\n", percentiles(firsts))
	fmt.Printf("time to article frame: %s\n", percentiles(articleFrames))
	fmt.Printf("process CPU per session (server and load clients, which are the same for the bare server): %.1f ms\n", float64(cpu.Milliseconds())/float64(max(ok, 1)))
	if ok > 0 {
		fmt.Printf("per session: %.2f MB heap, %.1f goroutines, %.2f PTY descriptors (corpus heap before sessions: %.1f MB)\n",
			float64(heldHeap-baseHeap)/float64(ok)/(1<<20), float64(heldG-baseG)/float64(ok), float64(heldPTY-basePTY)/float64(ok), float64(baseHeap)/(1<<20))
	}
	for _, cl := range clients {
		if cl != nil {
			cl.Close()
		}
	}
	clients = nil                // the load program's own client state is not the server's
	time.Sleep(10 * time.Second) // the report says "10 s after": a measuring tool, not a test
	afterG, afterHeap, afterPTY, after := runtime.NumGoroutine(), heapInUse(), openPTYs(), srv.Stats()
	fmt.Printf("10 s after the clients left: %d goroutines (baseline %d), %.1f MB heap (baseline %.1f), %d PTY descriptors (baseline %d), %d sessions, %d connections\n",
		afterG, baseG, float64(afterHeap)/(1<<20), float64(baseHeap)/(1<<20), afterPTY, basePTY, after.Sessions, after.Connections)
	if path := os.Getenv("SSHLOAD_HEAPPROFILE"); path != "" {
		f, _ := os.Create(path)
		pprof.WriteHeapProfile(f)
		f.Close()
	}
	cancel()
	return <-served
}

// arrival spaces the sessions' arrivals: by default 200 sessions arrive
// within 4 s, then are all held at once.
var arrival = 20 * time.Millisecond

// burst opens n sessions, every apart, and keeps them open.
func burst(addr string, n int, every time.Duration, reader bool) (clients []*gossh.Client, handshakes, firsts, articleFrames []time.Duration, errs chan error) {
	firsts, articleFrames, handshakes = make([]time.Duration, n), make([]time.Duration, n), make([]time.Duration, n)
	clients = make([]*gossh.Client, n)
	var wg sync.WaitGroup
	errs = make(chan error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * every) // sessions arrive over a few seconds, then are all held together
			cl, hs, first, art, err := session(addr, reader)
			clients[i], handshakes[i], firsts[i], articleFrames[i] = cl, hs, first, art
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	return
}

// cpuTime is the CPU this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// session opens one reader session and measures the SSH handshake, the
// first frame (from the PTY request) and the frame of an opened article,
// then types a search. With reader false (the bare server) it stops after
// the first frame.
func session(addr string, reader bool) (*gossh.Client, time.Duration, time.Duration, time.Duration, error) {
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ := gossh.NewSignerFromKey(priv)
	start := time.Now()
	cl, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "load", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)}, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 30 * time.Second})
	if err != nil {
		return nil, 0, 0, 0, err
	}
	handshake := time.Since(start)
	start = time.Now()
	s, err := cl.NewSession()
	if err != nil {
		return cl, handshake, 0, 0, err
	}
	if err := s.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		return cl, handshake, 0, 0, err
	}
	in, _ := s.StdinPipe()
	out, _ := s.StdoutPipe()
	screen := &screen{}
	go screen.read(out, in)
	if err := s.Shell(); err != nil {
		return cl, handshake, 0, 0, err
	}
	if !screen.waitFor("Articles", 30*time.Second) {
		return cl, handshake, 0, 0, fmt.Errorf("no first frame")
	}
	first := time.Since(start)
	if !reader {
		return cl, handshake, first, 0, nil
	}
	mark := screen.len()
	opened := time.Now()
	in.Write([]byte("j\r"))
	if !screen.waitForAfter(mark, "words ·", 30*time.Second) {
		return cl, handshake, first, 0, fmt.Errorf("no article frame")
	}
	article := time.Since(opened)
	in.Write([]byte("\t/stolt"))
	screen.waitForAfter(mark, "match", 30*time.Second)
	return cl, handshake, first, article, nil
}

// screen keeps what a session received, stripped of escape sequences as
// it arrives, so that waiting costs the load program little CPU (it runs
// beside the server it measures).
type screen struct {
	mu      sync.Mutex
	changed *sync.Cond
	text    strings.Builder
}

// answerQueries answers the terminal queries a session's output asks, as
// a real dark terminal would: the background colour and the device
// attributes.
func answerQueries(chunk []byte, w io.Writer) {
	if bytes.Contains(chunk, []byte("\x1b]11;?")) {
		w.Write([]byte("\x1b]11;rgb:1a1a/1a1a/1a1a\x07"))
	}
	if bytes.Contains(chunk, []byte("\x1b[c")) {
		w.Write([]byte("\x1b[?62;22c"))
	}
}

func (s *screen) read(r io.Reader, w io.Writer) {
	s.mu.Lock()
	s.changed = sync.NewCond(&s.mu)
	s.mu.Unlock()
	b := make([]byte, 32<<10)
	for {
		n, err := r.Read(b)
		chunk := b[:n]
		answerQueries(chunk, w)
		s.mu.Lock()
		s.text.WriteString(ansi.Strip(string(chunk)))
		s.changed.Broadcast()
		s.mu.Unlock()
		if err != nil {
			return
		}
	}
}

func (s *screen) len() int { s.mu.Lock(); defer s.mu.Unlock(); return s.text.Len() }

func (s *screen) waitFor(text string, timeout time.Duration) bool {
	return s.waitForAfter(0, text, timeout)
}

// waitForAfter waits for text to arrive after position from.
func (s *screen) waitForAfter(from int, text string, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	timer := time.AfterFunc(timeout, func() { s.mu.Lock(); s.changed.Broadcast(); s.mu.Unlock() })
	defer timer.Stop()
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.changed == nil {
		s.mu.Unlock()
		time.Sleep(time.Millisecond)
		s.mu.Lock()
	}
	checked := from
	for {
		all := s.text.String()
		// Look only at what is new, with a margin for text split across reads.
		if strings.Contains(all[max(from, checked-len(text)):], text) {
			return true
		}
		checked = len(all)
		if time.Now().After(deadline) {
			return false
		}
		s.changed.Wait()
	}
}

func percentiles(ds []time.Duration) string {
	var xs []time.Duration
	for _, d := range ds {
		if d > 0 {
			xs = append(xs, d)
		}
	}
	if len(xs) == 0 {
		return "no data"
	}
	slices.Sort(xs)
	at := func(p float64) time.Duration {
		return xs[min(len(xs)-1, int(p*float64(len(xs))))].Round(time.Millisecond)
	}
	return fmt.Sprintf("p50 %v  p95 %v  p99 %v  (max %v)", at(0.50), at(0.95), at(0.99), xs[len(xs)-1].Round(time.Millisecond))
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// openPTYs counts this process's descriptors on PTY devices.
func openPTYs() int {
	entries, _ := os.ReadDir("/proc/self/fd")
	n := 0
	for _, e := range entries {
		if t, err := os.Readlink("/proc/self/fd/" + e.Name()); err == nil && (strings.HasPrefix(t, "/dev/pts/") || t == "/dev/ptmx") {
			n++
		}
	}
	return n
}
