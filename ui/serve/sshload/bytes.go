package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"counterpoint/ui"
	"counterpoint/ui/serve"
)

// countingReader counts the bytes a session receives.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// quiet waits until no byte has arrived for a while: the frame for the
// last key is complete (a measuring tool, not a test).
func quiet(c *countingReader) int64 {
	last, since := c.n.Load(), time.Now()
	for time.Since(since) < 150*time.Millisecond {
		time.Sleep(10 * time.Millisecond)
		if n := c.n.Load(); n != last {
			last, since = n, time.Now()
		}
	}
	return last
}

// measureBytes opens one 120x40, 256-colour session and reports the bytes
// sent for each j in an article (the reader pane focused) and for each
// keystroke typed into the filter.
func measureBytes(articles int) (perJ, perKey float64, err error) {
	shared := ui.NewShared(loadCorpus(articles))
	dir, err := os.MkdirTemp("", "sshload")
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(dir)
	srv, err := serve.New(shared, serve.Config{HostKeyPath: filepath.Join(dir, "key"), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return 0, 0, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, 0, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.Serve(ctx, l)

	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ := gossh.NewSignerFromKey(priv)
	cl, err := gossh.Dial("tcp", l.Addr().String(), &gossh.ClientConfig{User: "bytes", Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)}, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		return 0, 0, err
	}
	defer cl.Close()
	s, err := cl.NewSession()
	if err != nil {
		return 0, 0, err
	}
	if err := s.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		return 0, 0, err
	}
	in, _ := s.StdinPipe()
	out, _ := s.StdoutPipe()
	counted := &countingReader{r: out}
	scr := &screen{}
	go scr.read(counted, in)
	if err := s.Shell(); err != nil {
		return 0, 0, err
	}
	if !scr.waitFor("Articles", 30*time.Second) {
		return 0, 0, fmt.Errorf("no first frame")
	}
	quiet(counted)
	in.Write([]byte("\r")) // open the first article; the reader has focus
	quiet(counted)
	const steps = 20
	before := counted.n.Load()
	for range steps {
		in.Write([]byte("j"))
		quiet(counted)
	}
	perJ = float64(counted.n.Load()-before) / steps
	in.Write([]byte("\t/")) // back to the list, open the filter
	quiet(counted)
	typed := "nato chief"
	before = counted.n.Load()
	for _, r := range typed {
		in.Write([]byte(string(r)))
		quiet(counted)
	}
	perKey = float64(counted.n.Load()-before) / float64(len(typed))
	return perJ, perKey, nil
}
