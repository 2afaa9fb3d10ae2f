package synth

import (
	"os"
	"strconv"
	"testing"
)

// TestWriteCorpus writes a synthetic corpus for measuring the real program
// (`/usr/bin/time -v counterpoint quotes --json DIR`): set
// COUNTERPOINT_SYNTH_DIR to the folder and COUNTERPOINT_SYNTH_N to the
// number of articles (default 10000).
func TestWriteCorpus(t *testing.T) {
	dir := os.Getenv("COUNTERPOINT_SYNTH_DIR")
	if dir == "" {
		t.Skip("set COUNTERPOINT_SYNTH_DIR to write a synthetic corpus")
	}
	n := 10_000
	if s := os.Getenv("COUNTERPOINT_SYNTH_N"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			t.Fatalf("COUNTERPOINT_SYNTH_N: %v", err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	size, err := Write(dir, n)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d articles, %d bytes in %s", n, size, dir)
}

// The same i always gives the same article, so figures measured on a
// written corpus can be reproduced.
func TestArticleIsDeterministic(t *testing.T) {
	if Article(7) != Article(7) || Article(7) == Article(8) {
		t.Errorf("articles are not a function of their number")
	}
}
