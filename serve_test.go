package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestMain lets a test run this binary as counterpoint itself: with
// COUNTERPOINT_ARGS set, it runs main on those arguments.
func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv("COUNTERPOINT_ARGS"); ok {
		os.Exit(run(strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// SIGTERM with 50 sessions open: the server process exits 0 within the
// grace period, and every client's terminal is restored.
func TestServeExitsCleanlyOnSIGTERM(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	args := []string{"serve", "--listen", addr, "--host-key", filepath.Join(t.TempDir(), "key"), "--grace", "3s", "--rate", "100000", "--rate-burst", "1000", "--max-per-address", "1000"}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "COUNTERPOINT_ARGS="+strings.Join(args, "\x1f"))
	var logs bytes.Buffer
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	for start := time.Now(); ; time.Sleep(20 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if time.Since(start) > 10*time.Second {
			t.Fatalf("server did not start: %s", logs.String())
		}
	}
	outs := make([]*syncBuffer, 50)
	var wg sync.WaitGroup
	for i := range outs {
		outs[i] = &syncBuffer{}
		c := sshClient(t, addr)
		defer c.Close()
		s, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if err := s.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
		s.Stdout = outs[i]
		if err := s.Shell(); err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() { defer wg.Done(); s.Wait() }()
	}
	for i, o := range outs {
		for start := time.Now(); !strings.Contains(o.String(), "Articles"); time.Sleep(10 * time.Millisecond) {
			if time.Since(start) > 10*time.Second {
				t.Fatalf("session %d got no first frame", i)
			}
		}
	}
	began := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("exit: %v\n%s", err, logs.String())
		}
	case <-time.After(3*time.Second + 2*time.Second):
		t.Fatalf("still running %v after SIGTERM", time.Since(began))
	}
	wg.Wait()
	for i, o := range outs {
		if !strings.Contains(o.String(), "\x1b[?1049l") {
			t.Errorf("session %d: terminal not restored", i)
		}
	}
}

func sshClient(t *testing.T, addr string) *gossh.Client {
	t.Helper()
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ := gossh.NewSignerFromKey(priv)
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: "t", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)}, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }
