package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"

	"counterpoint/ui"
	"counterpoint/ui/serve"
)

// openOneSession serves a synthetic corpus of the given size on a loopback
// port and opens one 120x40, 256-colour PTY session on it as user: the set-up
// of the measurements that follow a single session (-keys, -bytes). The
// caller takes the session's pipes and starts its shell; closeAll ends the
// client, the server and its temporary host key.
func openOneSession(articles int, user string) (s *gossh.Session, closeAll func(), err error) {
	var undo []func()
	closeAll = func() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
	}
	defer func() {
		if err != nil {
			closeAll()
		}
	}()
	shared := ui.NewShared(loadCorpus(articles))
	dir, err := os.MkdirTemp("", "sshload")
	if err != nil {
		return nil, nil, err
	}
	undo = append(undo, func() { os.RemoveAll(dir) })
	srv, err := serve.New(shared, serve.Config{HostKeyPath: filepath.Join(dir, "key"), FPS: fps, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return nil, nil, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0") // loopback only
	if err != nil {
		return nil, nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	undo = append(undo, cancel)
	go srv.Serve(ctx, l)

	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	signer, _ := gossh.NewSignerFromKey(priv)
	cl, err := gossh.Dial("tcp", l.Addr().String(), &gossh.ClientConfig{User: user, Auth: []gossh.AuthMethod{gossh.PublicKeys(signer)}, HostKeyCallback: gossh.InsecureIgnoreHostKey()})
	if err != nil {
		return nil, nil, err
	}
	undo = append(undo, func() { cl.Close() })
	if s, err = cl.NewSession(); err != nil {
		return nil, nil, err
	}
	if err = s.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		return nil, nil, err
	}
	return s, closeAll, nil
}
