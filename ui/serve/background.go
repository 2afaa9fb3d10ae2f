package serve

import (
	"bytes"
	"os"
	"strconv"
	"time"

	"golang.org/x/term"
)

// queryDarkBackground asks the client's terminal for its background colour
// (OSC 11), followed by a device-attributes request that every terminal
// answers, and waits at most timeout. A client that never answers costs
// the first frame no more than that: ok is false and the caller assumes a
// dark background.
//
// The descriptor is reached through SyscallConn, never Fd: Fd puts the file
// in blocking mode, and read deadlines then no longer work.
func queryDarkBackground(tty *os.File, timeout time.Duration) (dark, ok bool) {
	rc, err := tty.SyscallConn()
	if err != nil {
		return true, false
	}
	var state *term.State
	rc.Control(func(fd uintptr) { state, err = term.MakeRaw(int(fd)) })
	if err != nil {
		return true, false
	}
	defer rc.Control(func(fd uintptr) { term.Restore(int(fd), state) })
	if _, err := tty.WriteString("\x1b]11;?\x07\x1b[c"); err != nil {
		return true, false
	}
	tty.SetReadDeadline(time.Now().Add(timeout))
	defer tty.SetReadDeadline(time.Time{})
	var answer []byte
	buf := make([]byte, 256)
	for len(answer) < 4096 {
		n, err := tty.Read(buf)
		answer = append(answer, buf[:n]...)
		if i := bytes.Index(answer, []byte("\x1b[?")); i >= 0 && bytes.IndexByte(answer[i:], 'c') > 0 {
			break // the device attributes close the answer
		}
		if err != nil {
			break
		}
	}
	return parseBackground(answer)
}

// parseBackground reads "rgb:RRRR/GGGG/BBBB" from an OSC 11 answer.
func parseBackground(answer []byte) (dark, ok bool) {
	i := bytes.Index(answer, []byte("rgb:"))
	if i < 0 {
		return true, false
	}
	parts := bytes.SplitN(answer[i+4:], []byte("/"), 3)
	if len(parts) != 3 {
		return true, false
	}
	var rgb [3]float64
	for k, p := range parts {
		end := 0
		for end < len(p) && end < 4 && isHex(p[end]) {
			end++
		}
		if end == 0 {
			return true, false
		}
		v, err := strconv.ParseUint(string(p[:end]), 16, 16)
		if err != nil {
			return true, false
		}
		rgb[k] = float64(v) / float64(uint64(1)<<(4*end)-1)
	}
	luminance := 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	return luminance < 0.5, true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
