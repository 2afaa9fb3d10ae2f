package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHelpAndUnknownSubcommandsPrintUsage(t *testing.T) {
	for _, arg := range []string{"help", "serch", "reed"} {
		code, out, errOut := runCmd(t, arg)
		if code != 2 || out != "" || !strings.Contains(errOut, "Usage:") {
			t.Errorf("%s: exit %d, stdout %q, stderr lacks usage", arg, code, out)
		}
	}
	if code, _, errOut := runCmd(t, "serch"); !strings.Contains(errOut, `"serch"`) {
		t.Errorf("unknown subcommand: exit %d, stderr does not name it: %q", code, errOut)
	}
	// A folder or file that exists is a PATH, whatever its name.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Title\n\nText.\n"), 0o644)
	t.Chdir(dir)
	if code, _, errOut := runCmd(t, "a.txt"); strings.Contains(errOut, "Usage:") {
		t.Errorf("an existing file was taken for a subcommand: exit %d", code)
	}
}

func TestStyleMustExist(t *testing.T) {
	for _, args := range [][]string{{"--style", "nosuch"}, {"read", "--style", "nosuch", "001"}, {"--style", "/no/such/style.json"}, {"serve", "--style", "nosuch"}} {
		code, _, errOut := runCmd(t, args...)
		if code != 2 || !strings.Contains(errOut, "style") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message about the style", args, code, errOut)
		}
	}
	if code, _, errOut := runCmd(t, "read", "--style", "light", "001"); code != 0 {
		t.Errorf("--style light: exit %d, %s", code, errOut)
	}
}

func TestReaderNeedsATerminal(t *testing.T) {
	code, out, errOut := runCmd(t)
	if code != 1 || out != "" || !strings.Contains(errOut, "terminal") {
		t.Errorf("TUI to a pipe: exit %d, stderr %q; want 1 and a message", code, errOut)
	}
}

func TestDumbTerminalGetsPlainOutput(t *testing.T) {
	t.Setenv("TERM", "dumb")
	old := isTerminal
	isTerminal = func(io.Writer) bool { return true }
	defer func() { isTerminal = old }()
	code, out, _ := runCmd(t)
	if code != 0 || strings.Contains(out, "\x1b") || !strings.Contains(out, "NATO chief warns") || !strings.Contains(out, "counterpoint read") {
		t.Errorf("TERM=dumb: exit %d, output %q; want the plain list and how to read one", code, out)
	}
}

func TestReadTakesAnIDPrefixOrANumber(t *testing.T) {
	for _, ref := range []string{"003", "003_4b8d", "4"} {
		code, out, errOut := runCmd(t, "read", "--width", "80", ref)
		if code != 0 || !strings.Contains(out, "NATO CHIEF WARNS") {
			t.Errorf("read %s: exit %d %s", ref, code, errOut)
		}
	}
	if code, _, errOut := runCmd(t, "read", "00"); code != 1 || !strings.Contains(errOut, "type more") {
		t.Errorf("ambiguous prefix: exit %d, %q", code, errOut)
	}
	if _, _, errOut := runCmd(t, "read", "--help"); !strings.Contains(errOut, "prefix") {
		t.Errorf("read --help does not say an ID prefix works")
	}
	// Piped, each quotation's speaker is tagged in the margin and the
	// tags are explained under the article.
	_, out, _ := runCmd(t, "read", "--width", "80", "003")
	if !strings.Contains(out, " JS   “We have seen") || !strings.Contains(out, "JS Jens Stoltenberg") {
		t.Errorf("piped read lacks speaker tags or their legend")
	}
}
