package serve

import (
	"net"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"
	"golang.org/x/time/rate"
)

// limits holds back what wish v1.4.7 does not: connections that never
// finish the handshake, too many connections, connections arriving too
// fast from one address, and too many sessions per connection or in all.
type limits struct {
	cfg Config

	conns    atomic.Int64 // open connections
	sessions atomic.Int64 // sessions holding a PTY

	mu       sync.Mutex
	perIP    map[string]*ipLimit
	lastTrim time.Time
}

type ipLimit struct {
	limiter *rate.Limiter
	seen    time.Time
	conns   int // open connections from this address
}

// trimEvery is how often idle per-address limiters are forgotten.
const trimEvery = time.Minute

func newLimits(cfg Config) *limits {
	return &limits{cfg: cfg, perIP: map[string]*ipLimit{}}
}

type connKey struct{}

// connState is what a connection carries in its context.
type connState struct {
	channels atomic.Int64    // open session channels
	ptys     atomic.Int64    // PTYs on this connection: at most one
	windows  chan ssh.Window // window changes of the connection's PTY session, newest kept

	ctl       *control    // the connection's reader session (one PTY per connection)
	started   atomic.Bool // the session's handler has started
	handshake *time.Timer // closes the connection if authentication does not finish in time
	closeOnce sync.Once
	release   func()
}

// accept is the server's ConnCallback: it refuses a connection over the
// caps before any SSH is spoken, and arms the handshake deadline.
func (l *limits) accept(ctx ssh.Context, conn net.Conn) net.Conn {
	host, _, _ := net.SplitHostPort(conn.RemoteAddr().String())
	switch l.admit(host) {
	case refusedRate:
		logRefused(l.cfg.Logger, conn, "too many new connections from this address")
		return nil
	case refusedAddress:
		logRefused(l.cfg.Logger, conn, "too many open connections from this address")
		return nil
	}
	if l.conns.Add(1) > int64(l.cfg.MaxConnections) {
		l.conns.Add(-1)
		l.leave(host)
		logRefused(l.cfg.Logger, conn, "too many connections")
		return nil
	}
	st := &connState{windows: make(chan ssh.Window, 1), ctl: newControl()}
	st.release = func() { st.closeOnce.Do(func() { l.conns.Add(-1); l.leave(host) }) }
	st.handshake = time.AfterFunc(l.cfg.HandshakeTimeout, func() { conn.Close() })
	ctx.SetValue(connKey{}, st)
	return &trackedConn{Conn: conn, st: st}
}

// handshakeDone stops the deadline once a client has authenticated and
// started a session.
func handshakeDone(ctx ssh.Context) {
	if st, ok := ctx.Value(connKey{}).(*connState); ok {
		st.handshake.Stop()
	}
}

// trackedConn gives its slot back when closed.
type trackedConn struct {
	net.Conn
	st *connState
}

func (c *trackedConn) Close() error {
	c.st.handshake.Stop()
	c.st.release()
	return c.Conn.Close()
}

type admission int

const (
	admitted admission = iota
	refusedRate
	refusedAddress
)

// admit applies the per-address limits: the rate of new connections and
// the number held open at once (so one address cannot take every session
// slot, each connection holding at most one PTY).
func (l *limits) admit(host string) admission {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	if now.Sub(l.lastTrim) > trimEvery {
		for h, il := range l.perIP {
			if now.Sub(il.seen) > trimEvery && il.conns == 0 {
				delete(l.perIP, h)
			}
		}
		l.lastTrim = now
	}
	il, ok := l.perIP[host]
	if !ok {
		il = &ipLimit{limiter: rate.NewLimiter(rate.Limit(l.cfg.RatePerMinute/60), max(1, int(l.cfg.RateBurst)))}
		l.perIP[host] = il
	}
	il.seen = now
	if !il.limiter.Allow() {
		return refusedRate
	}
	if il.conns >= l.cfg.MaxPerAddress {
		return refusedAddress
	}
	il.conns++
	return admitted
}

// leave gives an address's connection slot back.
func (l *limits) leave(host string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if il, ok := l.perIP[host]; ok && il.conns > 0 {
		il.conns--
	}
}

// openChannel takes a session-channel slot on the connection.
func (l *limits) openChannel(ctx ssh.Context) (release func(), ok bool) {
	st, found := ctx.Value(connKey{}).(*connState)
	if !found {
		return func() {}, true
	}
	if st.channels.Add(1) > int64(l.cfg.MaxSessionsPerConn) {
		st.channels.Add(-1)
		return nil, false
	}
	var once sync.Once
	return func() { once.Do(func() { st.channels.Add(-1) }) }, true
}

// takePTY takes one of the server's PTY slots, and the connection's only
// one; it is called before the PTY is allocated, so a client over a cap
// never gets one.
func (l *limits) takePTY(ctx ssh.Context) (release func(), ok bool) {
	st, _ := ctx.Value(connKey{}).(*connState)
	if st != nil && st.ptys.Add(1) > 1 {
		st.ptys.Add(-1)
		return nil, false
	}
	if l.sessions.Add(1) > int64(l.cfg.MaxSessions) {
		l.sessions.Add(-1)
		if st != nil {
			st.ptys.Add(-1)
		}
		return nil, false
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			l.sessions.Add(-1)
			if st != nil {
				st.ptys.Add(-1)
			}
		})
	}, true
}

// sessionControl marks the connection's session handler as started and
// returns its control.
func sessionControl(ctx ssh.Context) *control {
	st, ok := ctx.Value(connKey{}).(*connState)
	if !ok {
		return newControl()
	}
	st.started.Store(true)
	return st.ctl
}

// stopSession ends the connection's session, if its handler started: it
// asks the program to quit and waits for the handler, at most timeout;
// then it closes the session's output and kills the program, and waits as
// long again. It never calls into the program while waiting.
func stopSession(ctx ssh.Context, timeout time.Duration) {
	st, ok := ctx.Value(connKey{}).(*connState)
	if !ok || !st.started.Load() {
		return
	}
	st.ctl.quit()
	if st.ctl.wait(timeout) {
		return
	}
	st.ctl.kill()
	st.ctl.wait(timeout)
}

// windowChanges returns the connection's window-change events.
func windowChanges(ctx ssh.Context) <-chan ssh.Window {
	if st, ok := ctx.Value(connKey{}).(*connState); ok {
		return st.windows
	}
	return nil
}

// noteWindow records a window change, keeping only the newest.
func noteWindow(ctx ssh.Context, w ssh.Window) {
	st, ok := ctx.Value(connKey{}).(*connState)
	if !ok {
		return
	}
	for {
		select {
		case st.windows <- w:
			return
		default:
			select {
			case <-st.windows: // drop the older size
			default:
			}
		}
	}
}

// clampWindow bounds a client-chosen window size, so that a 20000x10000
// window does not make the server build a 200 MB frame.
func (l *limits) clampWindow(w ssh.Window) ssh.Window {
	w.Width = min(max(w.Width, 1), l.cfg.MaxWidth)
	w.Height = min(max(w.Height, 1), l.cfg.MaxHeight)
	return w
}
