package corpus

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/iotest"
)

const goodArticle = "A title\n\n“We reject the claims,” Minister Ola Nordmann said.\n"

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func ids(c *Corpus) []string {
	var out []string
	for _, a := range c.Articles {
		out = append(out, a.ID)
	}
	return out
}

// skipReason returns the reason a path was skipped, or "".
func skipReason(c *Corpus, suffix string) string {
	for _, s := range c.Skipped {
		if strings.HasSuffix(s.Path, suffix) {
			return s.Reason
		}
	}
	return ""
}

func TestLoadFolderRecursivelyInStableOrder(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b.txt"), goodArticle)
	write(t, filepath.Join(dir, "a.md"), goodArticle)
	write(t, filepath.Join(dir, "sub", "c.txt"), goodArticle)
	write(t, filepath.Join(dir, "notes.pdf"), "not an article")
	write(t, filepath.Join(dir, ".hidden", "d.txt"), goodArticle)
	c, err := Load([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids(c), ","); got != "a,b,c" {
		t.Errorf("loaded %s, want a,b,c", got)
	}
}

func TestLoadSkipsBadFilesAndKeepsTheRest(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "good.txt"), goodArticle)
	write(t, filepath.Join(dir, "empty.txt"), "  \n\n")
	write(t, filepath.Join(dir, "binary.txt"), "PK\x03\x04\x00\x00binary")
	write(t, filepath.Join(dir, "controls.txt"), "\x1b[2J\x07\x00")
	write(t, filepath.Join(dir, "big.txt"), strings.Repeat("word ", 400))
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load([]string{dir}, Options{MaxFileSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids(c), ","); got != "good" {
		t.Errorf("loaded %s, want only good", got)
	}
	for name, want := range map[string]string{
		"empty.txt":  "empty file",
		"binary.txt": "binary file, not text",
		"big.txt":    "too large: 2.0 KiB, the limit is 1000 B",
		"fifo.txt":   "not a regular file",
	} {
		if got := skipReason(c, name); got != want {
			t.Errorf("%s: reason %q, want %q", name, got, want)
		}
	}
	if got := skipReason(c, "controls.txt"); got == "" {
		t.Errorf("controls.txt: a file that is only control characters should be skipped")
	}
	for _, s := range c.Skipped {
		if !strings.Contains(s.String(), s.Path) || !strings.HasPrefix(s.String(), "skipped ") {
			t.Errorf("message %q does not name the file", s)
		}
	}
}

func TestLoadFollowsLinksOnlyInsideTheFolder(t *testing.T) {
	outside := t.TempDir()
	write(t, filepath.Join(outside, "secret.txt"), goodArticle)
	dir := t.TempDir()
	write(t, filepath.Join(dir, "real", "inside.txt"), goodArticle)
	mustLink(t, filepath.Join(outside, "secret.txt"), filepath.Join(dir, "escape.txt"))
	mustLink(t, filepath.Join(dir, "real", "inside.txt"), filepath.Join(dir, "alias.txt"))
	mustLink(t, dir, filepath.Join(dir, "real", "loop")) // a folder linking to its parent
	c, err := Load([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids(c), ","); got != "alias,inside" {
		t.Errorf("loaded %s, want alias,inside (the link out of the folder skipped, the loop cut)", got)
	}
	if skipReason(c, "escape.txt") == "" {
		t.Errorf("the link leading outside the folder was not reported")
	}
}

func mustLink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func TestLoadNamedFilesAndMissingPaths(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "one", "same.txt"), goodArticle)
	write(t, filepath.Join(dir, "two", "same.txt"), goodArticle)
	c, err := Load([]string{filepath.Join(dir, "one", "same.txt"), filepath.Join(dir, "two", "same.txt"), filepath.Join(dir, "missing.txt")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ids(c), ","); got != "same,same-2" {
		t.Errorf("IDs %s, want same,same-2", got)
	}
	if got := skipReason(c, "missing.txt"); got != "no such file or folder" {
		t.Errorf("missing file: %q", got)
	}
}

func TestLoadNothingIsAnError(t *testing.T) {
	c, err := Load([]string{filepath.Join(t.TempDir(), "nope")}, Options{})
	if err == nil || len(c.Skipped) != 1 {
		t.Errorf("err %v, skipped %v: want an error and one skip", err, c.Skipped)
	}
}

func TestSeedsAreEmbedded(t *testing.T) {
	c := LoadSeeds()
	if len(c.Articles) != 5 || len(c.Skipped) != 0 {
		t.Fatalf("seeds: %d articles, skipped %v", len(c.Articles), c.Skipped)
	}
	if c.Articles[0].Path != "seeds/000_7b1d9f7975e765ac.txt" {
		t.Errorf("first seed path %q", c.Articles[0].Path)
	}
}

// BenchmarkWalkFolders lists a corpus of n folders of one article each
// (targets: linear in n; the walk once kept a list of visited folders and
// compared each new one with all of them).
func BenchmarkWalkFolders(b *testing.B) {
	for _, n := range []int{10_000, 20_000, 40_000} {
		b.Run(fmt.Sprintf("folders=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			for i := range n {
				sub := filepath.Join(dir, fmt.Sprintf("%05d", i))
				if err := os.Mkdir(sub, 0o755); err != nil {
					b.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(sub, "a.txt"), []byte("T\n\nx\n"), 0o644); err != nil {
					b.Fatal(err)
				}
			}
			for b.Loop() {
				files := 0
				root := walkPath(dir, func(f found) bool {
					if f.skip == nil {
						files++
					}
					return true
				})
				root.Close()
				if files != n {
					b.Fatalf("%d files, want %d", files, n)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/folder")
		})
	}
}

func TestLoadStopsAtAFolderDepth(t *testing.T) {
	dir := t.TempDir()
	deep := dir
	for range maxFolderDepth + 2 {
		deep = filepath.Join(deep, "d")
	}
	write(t, filepath.Join(dir, "top.txt"), "Top story\n\nBody.\n")
	write(t, filepath.Join(deep, "deep.txt"), "Deep story\n\nBody.\n")
	c, err := Load([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(c); len(got) != 1 || got[0] != "top" {
		t.Errorf("loaded %v, want only the top article", got)
	}
	if len(c.Skipped) != 1 || !strings.Contains(c.Skipped[0].Reason, "nested more than") {
		t.Errorf("skipped %v, want the deep folder named", c.Skipped)
	}
}

// A file larger than the whole analysis budget still gets its turn, and
// gives the budget back.
func TestByteBudgetAdmitsOversizedFiles(t *testing.T) {
	b := newByteBudget(10)
	got := b.acquire(25)
	if got != 10 || b.free != 0 {
		t.Fatalf("took %d, %d left; want all 10 taken", got, b.free)
	}
	done := make(chan int64)
	go func() { done <- b.acquire(3) }()
	b.release(got)
	if n := <-done; n != 3 {
		t.Errorf("second file took %d, want 3", n)
	}
}

// readFull reads a whole file however the reads come (all at once, a byte
// at a time, half at a time), keeps what there was when it was shorter
// than stated, and reads no more than the stated size when it is longer:
// a read that brings more says the file grew; short reads that stop at
// the stated size read it as it was stated.
func TestReadFullStopsAtTheStatedSize(t *testing.T) {
	readers := map[string]func(io.Reader) io.Reader{
		"whole": func(r io.Reader) io.Reader { return r },
		"bytes": iotest.OneByteReader,
		"half":  iotest.HalfReader,
		"eof":   iotest.DataErrReader,
	}
	for name, wrap := range readers {
		for _, tc := range []struct {
			text   string
			stated int
			want   string // "" and grew: more than stated was read
		}{
			{"hello world", 11, "hello world"},
			{"", 0, ""},
			{"hello", 11, "hello"},
			{"hello world", 5, "hello"},
		} {
			buf := make([]byte, tc.stated+1)
			n, err := readFull(wrap(strings.NewReader(tc.text)), buf)
			grew := len(tc.text) > tc.stated && (name == "whole" || name == "eof")
			switch {
			case grew && (err != nil || n != len(buf)):
				t.Errorf("%s %q stated %d: %d bytes, %v; want the file to have grown", name, tc.text, tc.stated, n, err)
			case !grew && (!errors.Is(err, io.EOF) || string(buf[:n]) != tc.want):
				t.Errorf("%s %q stated %d: read %q, %v; want %q and the end", name, tc.text, tc.stated, buf[:n], err, tc.want)
			}
		}
	}
}
