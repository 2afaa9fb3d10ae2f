package serve

import (
	"errors"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// refusedRequests are session requests the reader never grants: running a
// command, a subsystem such as sftp, agent and X11 forwarding. They are
// answered "no" here, before the SSH library sees them (it would grant
// agent forwarding), so none of them can reach a file or a process.
var refusedRequests = map[string]bool{
	"exec": true, "subsystem": true, "x11-req": true,
	"auth-agent-req@openssh.com": true, "env": true,
}

// sessionChannel is the handler for "session" channels: it counts them per
// connection and filters their requests before handing them on.
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, newChan gossh.NewChannel, ctx ssh.Context) {
	// The handshake deadline keeps running until a session starts: a
	// channel that never asks for a shell is not a reason to hold the
	// connection (keepalives would keep it for ever).
	release, ok := s.limits.openChannel(ctx)
	if !ok {
		newChan.Reject(gossh.ResourceShortage, "too many sessions on this connection")
		return
	}
	ssh.DefaultSessionHandler(srv, conn, filteredChannel{NewChannel: newChan, release: release, ctx: ctx}, ctx)
}

// filteredChannel answers refused requests itself and notes window
// changes for the session's program. (The library hands window changes to
// two readers of one channel, its PTY resizer and the application, so the
// application would miss about half of them; and reading its PTY record
// races with its own writes.)
type filteredChannel struct {
	gossh.NewChannel
	release func()
	ctx     ssh.Context
}

func (f filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := f.NewChannel.Accept()
	if err != nil {
		f.release()
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		defer f.release() // the channel is closed when its requests end
		for r := range reqs {
			if refusedRequests[r.Type] {
				if r.WantReply {
					r.Reply(false, nil)
				}
				continue
			}
			if r.Type == "window-change" {
				if w, ok := parseWindowChange(r.Payload); ok {
					noteWindow(f.ctx, w)
				}
			}
			out <- r
		}
	}()
	return ch, out, nil
}

var errTooManySessions = errors.New("too many sessions")

// programStopTimeout bounds the wait for a session's program before its
// PTY is closed; a program blocked writing to a client that left is
// unblocked by the close itself.
const programStopTimeout = 2 * time.Second

// ptyHandler wraps the library's PTY allocation: it takes a server-wide
// session slot first, so a client over the cap is refused before a kernel
// PTY exists, clamps the client's window size, and gives the slot back
// when the PTY is closed, however the session ends.
func (s *Server) ptyHandler(allocate ssh.PtyHandler) ssh.PtyHandler {
	return func(ctx ssh.Context, sess ssh.Session, pty ssh.Pty) (func() error, error) {
		release, ok := s.limits.takePTY(ctx)
		if !ok {
			s.log.Warn("session refused", "reason", "too many sessions", "addr", sess.RemoteAddr().String())
			return nil, errTooManySessions
		}
		pty.Window = s.limits.clampWindow(pty.Window)
		closePTY, err := allocate(ctx, sess, pty)
		if err != nil {
			release()
			return nil, err
		}
		return func() error {
			defer release()
			stopSession(ctx, programStopTimeout)
			return closePTY()
		}, nil
	}
}

// parseWindowChange reads the columns and rows of a window-change request
// (RFC 4254, 6.7: four uint32s, then nothing).
func parseWindowChange(p []byte) (ssh.Window, bool) {
	var msg struct{ Cols, Rows, Width, Height uint32 }
	if err := gossh.Unmarshal(p, &msg); err != nil {
		return ssh.Window{}, false
	}
	return ssh.Window{Width: int(msg.Cols), Height: int(msg.Rows)}, true
}
