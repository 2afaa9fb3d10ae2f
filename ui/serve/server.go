// Package serve puts the reader on an SSH port with charmbracelet/wish:
// one Bubble Tea program per session, on a real PTY, over one shared,
// read-only corpus.
package serve

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"

	"counterpoint/ui"
)

// Config sets the server's address, keys and limits. The zero value of a
// limit means its default.
type Config struct {
	Listen             string        // default 127.0.0.1:23234
	HostKeyPath        string        // default DefaultHostKeyPath()
	AuthorizedKeysPath string        // when set, only these keys get in
	MaxConnections     int           // open connections at once (default 512)
	MaxSessions        int           // sessions with a PTY at once, over all connections (default 256)
	MaxSessionsPerConn int           // session channels per connection (default 2)
	MaxPerAddress      int           // connections held open at once from one address (default 16)
	RatePerMinute      float64       // new connections per minute from one address (default 60)
	RateBurst          float64       // and how many may come at once (default 20)
	HandshakeTimeout   time.Duration // to authenticate and start a session (default 10s)
	IdleTimeout        time.Duration // connection without traffic (default 15m)
	MaxSessionTime     time.Duration // longest connection (default 12h)
	WriteStall         time.Duration // a client not reading for this long is dropped (default 30s)
	GracePeriod        time.Duration // for sessions to end on shutdown (default 5s)
	FPS                int           // frames per second at most, per session (default 30)
	MaxWidth           int           // window size clamp (default 500)
	MaxHeight          int           // (default 200)
	Style              string        // Glamour style for every session; empty picks dark or light per client
	Version            string
	Logger             *slog.Logger
}

func (c *Config) defaults() {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	defDur := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	if c.Listen == "" {
		c.Listen = "127.0.0.1:23234"
	}
	if c.HostKeyPath == "" {
		c.HostKeyPath = DefaultHostKeyPath()
	}
	def(&c.MaxConnections, 512)
	def(&c.MaxSessions, 256)
	def(&c.MaxSessionsPerConn, 2)
	def(&c.MaxPerAddress, 16)
	def(&c.FPS, 30)
	def(&c.MaxWidth, 500)
	def(&c.MaxHeight, 200)
	if c.RatePerMinute <= 0 {
		c.RatePerMinute = 60
	}
	if c.RateBurst <= 0 {
		c.RateBurst = 20
	}
	defDur(&c.HandshakeTimeout, 10*time.Second)
	defDur(&c.IdleTimeout, 15*time.Minute)
	defDur(&c.MaxSessionTime, 12*time.Hour)
	defDur(&c.WriteStall, 30*time.Second)
	defDur(&c.GracePeriod, 5*time.Second)
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
}

// Server is the SSH front of the reader.
type Server struct {
	cfg     Config
	shared  *ui.Shared
	log     *slog.Logger
	limits  *limits
	ssh     *ssh.Server
	hostKey gossh.PublicKey
	closing atomic.Bool

	mu       sync.Mutex
	sessions map[ssh.Session]*control // open sessions, for shutdown
	listener net.Listener

	memory *reclaimer // gives ended sessions' memory back (memory.go)

	hooks hooks
}

// hooks let tests inject failures into a session; they are nil in use.
type hooks struct {
	wrapModel func(tea.Model) tea.Model // wraps each session's model
	onResize  func(ssh.Window)          // runs when a window change reaches the session
	// wrapOutput wraps a session's channel writer; closed is closed when
	// the server closes the channel (which fails a blocked write).
	wrapOutput func(sess ssh.Session, w io.Writer, closed <-chan struct{}) io.Writer
	beforeRun  func()         // runs just before a session's program starts
	onIsolate  func(isolated) // sees each session's wrapped model
}

// New prepares a server; it reads or creates the host key and reads the
// authorized keys, and fails with a clear message when it cannot. The key
// is given to the SSH server as it is built, so the library never makes
// one of its own (it would write it into the working directory).
func New(shared *ui.Shared, cfg Config) (*Server, error) {
	cfg.defaults()
	signer, err := loadHostKey(cfg.HostKeyPath)
	if err != nil {
		return nil, err
	}
	acc := access{}
	if cfg.AuthorizedKeysPath != "" {
		if acc.allowed, err = loadAuthorizedKeys(cfg.AuthorizedKeysPath); err != nil {
			return nil, err
		}
	}
	s := &Server{cfg: cfg, shared: shared, log: cfg.Logger, limits: newLimits(cfg), sessions: map[ssh.Session]*control{}, hostKey: signer.PublicKey(), memory: newReclaimer()}
	srv, err := wish.NewServer(
		func(srv *ssh.Server) error { srv.AddHostKey(signer); return nil },
		wish.WithAddress(cfg.Listen),
		wish.WithIdleTimeout(cfg.IdleTimeout),
		wish.WithMaxTimeout(cfg.MaxSessionTime),
		ssh.AllocatePty(), // a real kernel PTY, not an emulated one
	)
	if err != nil {
		return nil, err
	}
	acc.configure(srv)
	srv.Handler = s.handle
	srv.ConnCallback = s.limits.accept
	srv.PtyHandler = s.ptyHandler(srv.PtyHandler)
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": s.sessionChannel}
	srv.RequestHandlers = map[string]ssh.RequestHandler{}           // no port forwarding, no global requests
	srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}       // no sftp
	srv.LocalPortForwardingCallback = nil                           // direct-tcpip refused
	srv.ReversePortForwardingCallback = nil                         // tcpip-forward refused
	srv.ConnectionFailedCallback = func(conn net.Conn, err error) { // handshake failures, refused keys
		s.log.Info("connection refused", "addr", conn.RemoteAddr().String(), "reason", err.Error())
	}
	s.ssh = srv
	return s, nil
}

// Serve accepts connections on l until ctx is done, then shuts down: it
// stops accepting at once, tells open sessions the server is going down,
// restores their terminals and waits up to the grace period.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	s.mu.Lock()
	s.listener = l
	s.mu.Unlock()
	tuneGC()
	s.log.Info("serving", "addr", l.Addr().String(), "access", s.accessMode(), "host_key", s.HostKeyFingerprint())
	errc := make(chan error, 1)
	go func() { errc <- s.ssh.Serve(l) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	return s.Shutdown()
}

// ListenAndServe listens on the configured address.
func (s *Server) ListenAndServe(ctx context.Context) error {
	l, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return err
	}
	return s.Serve(ctx, l)
}

// HostKeyFingerprint is the SHA256 fingerprint of the server's host key,
// for users to check the first time they connect.
func (s *Server) HostKeyFingerprint() string { return gossh.FingerprintSHA256(s.hostKey) }

// closeLinger bounds the wait for clients to close their connections after
// their sessions ended.
const closeLinger = 500 * time.Millisecond

// Shutdown is the one path for SIGINT and SIGTERM: it stops accepting at
// once, asks every session to quit (each restores its terminal and says
// goodbye), waits for them up to the grace period, kills what is left,
// then closes every connection. It never calls into a program while
// holding the server's lock.
func (s *Server) Shutdown() error {
	s.closing.Store(true)
	// The listener is closed here rather than by the library's Shutdown,
	// whose wait for connections races with connections still in their
	// handshake (a WaitGroup added to while waited on).
	s.mu.Lock()
	if s.listener != nil {
		s.listener.Close()
	}
	ctls := make([]*control, 0, len(s.sessions))
	for _, c := range s.sessions {
		ctls = append(ctls, c)
	}
	s.mu.Unlock()
	s.log.Info("shutting down", "sessions", len(ctls), "grace", s.cfg.GracePeriod.String())
	for _, c := range ctls {
		c.quit() // a session still starting sees closing itself
	}
	deadline := time.Now().Add(s.cfg.GracePeriod)
	left := 0
	for _, c := range ctls {
		if !c.wait(time.Until(deadline)) {
			left++
		}
	}
	if left > 0 {
		s.log.Warn("grace period over, killing the remaining sessions", "sessions", left)
		for _, c := range ctls {
			c.kill()
		}
		killedBy := time.Now().Add(closeLinger) // one deadline for all, not one each
		for _, c := range ctls {
			c.wait(max(time.Until(killedBy), 0))
		}
	}
	// Clients close their connections once their session ends; wait for
	// that (bounded), so the last frames are not cut off by a reset.
	waitFor(func() bool { return s.limits.conns.Load() == 0 }, min(max(time.Until(deadline), 0), closeLinger))
	err := s.ssh.Close()
	s.memory.stop()
	if errors.Is(err, ssh.ErrServerClosed) || errors.Is(err, net.ErrClosed) {
		err = nil
	}
	return err
}

// waitFor checks cond until it holds or d has passed.
func waitFor(cond func() bool, d time.Duration) bool {
	deadline := time.Now().Add(d)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		<-tick.C
	}
	return true
}

func (s *Server) accessMode() string {
	if s.cfg.AuthorizedKeysPath != "" {
		return "authorized keys from " + s.cfg.AuthorizedKeysPath
	}
	return "open: anyone may read"
}

// track registers a session for shutdown; it fails once shutdown began.
func (s *Server) track(sess ssh.Session, c *control) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing.Load() {
		return false
	}
	s.sessions[sess] = c
	return true
}

func (s *Server) untrack(sess ssh.Session) {
	s.mu.Lock()
	delete(s.sessions, sess)
	s.mu.Unlock()
	s.memory.sessionEnded()
}

func (s *Server) openSessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}

// Stats reports what the server holds, for the load program.
type Stats struct {
	Connections, Sessions int64
}

// Stats returns the open connections and PTY sessions.
func (s *Server) Stats() Stats {
	return Stats{Connections: s.limits.conns.Load(), Sessions: s.limits.sessions.Load()}
}

func logRefused(log *slog.Logger, conn net.Conn, reason string) {
	log.Warn("connection refused", "addr", conn.RemoteAddr().String(), "reason", reason)
}
