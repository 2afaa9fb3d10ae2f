package serve

import "testing"

// A key's marks are kept under its fingerprint; an anonymous client's
// under "", which the read-only library keeps nothing for.
func TestReaderOf(t *testing.T) {
	if got := readerOf(anonymous); got != "" {
		t.Errorf("anonymous reads as %q", got)
	}
	if got := readerOf("SHA256:abc"); got != "SHA256:abc" {
		t.Errorf("a key reads as %q", got)
	}
}
