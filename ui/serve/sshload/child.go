package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"
)

// The server under measure runs in a process of its own, so that its CPU
// time and its memory are its own, not the load clients' as well (both
// used to share this process, and the clients' handshakes and key
// generation counted as the server's).

// serveChild is the child's side: it serves kind ("counterpoint" or
// "bare") on a loopback port, prints the address on stdout, and shuts down
// when its stdin is closed.
func serveChild(kind string, n, articles int, cpuProfile string) error {
	l, err := net.Listen("tcp", "127.0.0.1:0") // loopback only
	if err != nil {
		return err
	}
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	stop := make(chan struct{})
	go func() { io.Copy(io.Discard, os.Stdin); close(stop) }()
	switch kind {
	case "bare":
		srv, err := newBare()
		if err != nil {
			return err
		}
		go srv.Serve(l)
		fmt.Println(l.Addr().String())
		<-stop
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		return nil
	case "counterpoint":
		srv, cleanup, err := newServer(n, articles)
		if err != nil {
			return err
		}
		defer cleanup()
		ctx, cancel := context.WithCancel(context.Background())
		served := make(chan error, 1)
		go func() { served <- srv.Serve(ctx, l) }()
		fmt.Println(l.Addr().String())
		<-stop
		cancel()
		return <-served
	}
	return fmt.Errorf("unknown server %q", kind)
}

// child is the parent's handle on a server process.
type child struct {
	cmd   *exec.Cmd
	stdin io.Closer
	addr  string
	pid   int
}

// startChild runs this program again as the server kind.
func startChild(kind string, n, articles int, cpuProfile string) (*child, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	args := []string{"-child", kind, "-n", strconv.Itoa(n), "-articles", strconv.Itoa(articles), "-fps", strconv.Itoa(fps)}
	if cpuProfile != "" {
		args = append(args, "-cpuprofile", cpuProfile)
	}
	cmd := exec.Command(self, args...)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	addr, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		return nil, fmt.Errorf("the %s server did not start: %v", kind, err)
	}
	return &child{cmd: cmd, stdin: stdin, addr: strings.TrimSpace(addr), pid: cmd.Process.Pid}, nil
}

// stop shuts the server down and waits for it.
func (c *child) stop() error {
	c.stdin.Close()
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(30 * time.Second):
		c.cmd.Process.Kill()
		return fmt.Errorf("the server did not stop within 30 s; killed")
	}
}

// cpu is the CPU time the server has used, user and system.
func (c *child) cpu() time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", c.pid))
	if err != nil {
		return 0
	}
	// The command name may hold spaces: fields count from after its ")".
	s := string(b)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(fields) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(fields[11], 10, 64)
	st, _ := strconv.ParseInt(fields[12], 10, 64)
	return time.Duration(ut+st) * time.Second / clockTicks
}

// clockTicks is USER_HZ, 100 on Linux.
const clockTicks = 100

// rss is the server's resident set size in bytes.
func (c *child) rss() int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", c.pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// settle waits until the server's work has died down to the idle cost of
// the sessions it holds (Bubble Tea's frame tickers: about 15% of a core
// for 200 sessions), less than 30% of a core over half a second, at most
// limit.
func (c *child) settle(limit time.Duration) {
	const window = 500 * time.Millisecond
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		before := c.cpu()
		time.Sleep(window) // a sampling interval
		if c.cpu()-before < window*3/10 {
			return
		}
	}
}
