package main

import (
	"fmt"
	"io"
	"sync/atomic"
	"time"
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
	s, closeAll, err := openOneSession(articles, "bytes")
	if err != nil {
		return 0, 0, err
	}
	defer closeAll()
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
