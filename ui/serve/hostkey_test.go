package serve

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// Defect 8: serving writes nothing into the working directory, even one
// that holds a key file of the user's (wish generates and writes a key
// named id_ed25519 when a server is built without one), and the log names
// the host key's fingerprint for users to check.
func TestServeLeavesTheWorkingDirectoryAlone(t *testing.T) {
	dir := t.TempDir()
	mine := []byte("-----BEGIN OPENSSH PRIVATE KEY-----\nnot really, and protected\n-----END OPENSSH PRIVATE KEY-----\n")
	if err := os.WriteFile(filepath.Join(dir, "id_ed25519"), mine, 0o600); err != nil {
		t.Fatal(err)
	}
	before := listing(t, dir)
	if err := os.Chmod(dir, 0o500); err != nil { // read-only
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	t.Chdir(dir)

	keyPath := filepath.Join(t.TempDir(), "state", "host_key")
	addr, srv, logs, stop := start(t, Config{HostKeyPath: keyPath}, hooks{})
	c, err := dial(addr, gossh.PublicKeys(newKey(t)))
	if err != nil {
		t.Fatalf("serving from a read-only folder holding a key: %v", err)
	}
	openTerm(t, c, 80, 24).waitFor(t, "Articles", 0, wait)
	c.Close()
	stop()

	if after := listing(t, dir); !slices.Equal(before, after) {
		t.Errorf("the working directory changed: %v, then %v", before, after)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "id_ed25519")); string(got) != string(mine) {
		t.Errorf("the user's id_ed25519 was changed")
	}
	if fp := srv.HostKeyFingerprint(); !strings.HasPrefix(fp, "SHA256:") || !strings.Contains(logs.String(), "host_key="+fp) {
		t.Errorf("the log does not name the host key %q:\n%s", fp, logs.String())
	}
}

func listing(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		info, _ := e.Info()
		names = append(names, e.Name()+" "+info.Mode().String())
	}
	return names
}
