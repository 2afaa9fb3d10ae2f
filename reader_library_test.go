package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --refresh refreshes the operator's library: it has no meaning with
// files, and without a library it says how to make one.
func TestServeRefreshNeedsTheLibrary(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(file, []byte("A title\n\nSome text of the article.\n"), 0o600)
	key := filepath.Join(t.TempDir(), "key")
	_, errOut, code := libCmd(t, "serve", "--host-key", key, "--refresh", "30m", file)
	if code != 1 || !strings.Contains(errOut, "cannot be used with PATH") {
		t.Errorf("serve --refresh with a PATH: %d %q", code, errOut)
	}
	_, errOut, code = libCmd(t, "serve", "--host-key", key, "--refresh", "30m")
	if code != 1 || !strings.Contains(errOut, "--refresh needs a library") {
		t.Errorf("serve --refresh with no library: %d %q", code, errOut)
	}
}
