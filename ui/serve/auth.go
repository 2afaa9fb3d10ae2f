package serve

import (
	"bytes"
	"fmt"
	"os"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// fingerprintExt carries the fingerprint of the key that authenticated in
// the connection's permissions.
const fingerprintExt = "counterpoint-key-fingerprint"

// anonymous stands for a client that came in without a key (open access).
const anonymous = "none"

// access decides who gets in. Identity is taken only from the permissions
// of the authentication that succeeded: x/crypto/ssh keeps the result of
// each key's callback and attaches the signing key's to the connection, so
// a key that was merely offered (and not signed with) can never become
// the identity — the mistake behind soft-serve's CVE-2023-43809, which read
// the last key offered from shared state.
type access struct {
	allowed []gossh.PublicKey // nil: anyone may read
}

// loadAuthorizedKeys parses an OpenSSH authorized_keys file.
func loadAuthorizedKeys(path string) ([]gossh.PublicKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("authorized keys: %w", err)
	}
	var keys []gossh.PublicKey
	for len(bytes.TrimSpace(data)) > 0 {
		key, _, _, rest, err := gossh.ParseAuthorizedKey(data)
		if err != nil {
			return nil, fmt.Errorf("authorized keys %s: %w", path, err)
		}
		keys = append(keys, key)
		data = rest
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("authorized keys %s: no keys in the file", path)
	}
	return keys, nil
}

// configure installs the authentication callbacks on the server. The
// public-key callback is set on the x/crypto config itself, so that each
// key gets permissions of its own.
func (a access) configure(srv *ssh.Server) {
	srv.PasswordHandler = nil
	srv.PublicKeyHandler = nil
	srv.ServerConfigCallback = func(ctx ssh.Context) *gossh.ServerConfig {
		return &gossh.ServerConfig{PublicKeyCallback: a.publicKey}
	}
	// A keyboard-interactive handler is always set: with no handler at all
	// the library turns on "none" authentication. Open access lets a client
	// without keys in this way (asking nothing); with authorized keys it
	// always says no.
	srv.KeyboardInteractiveHandler = func(ctx ssh.Context, _ gossh.KeyboardInteractiveChallenge) bool {
		return a.allowed == nil
	}
}

func (a access) publicKey(_ gossh.ConnMetadata, key gossh.PublicKey) (*gossh.Permissions, error) {
	if a.allowed != nil && !a.permits(key) {
		return nil, fmt.Errorf("key not authorized")
	}
	return &gossh.Permissions{Extensions: map[string]string{fingerprintExt: gossh.FingerprintSHA256(key)}}, nil
}

func (a access) permits(key gossh.PublicKey) bool {
	for _, k := range a.allowed {
		if bytes.Equal(k.Marshal(), key.Marshal()) {
			return true
		}
	}
	return false
}

// identity is the fingerprint of the key the connection authenticated
// with, or "none".
func identity(ctx ssh.Context) string {
	if p := ctx.Permissions(); p != nil && p.Permissions != nil {
		if fp, ok := p.Extensions[fingerprintExt]; ok {
			return fp
		}
	}
	return anonymous
}
