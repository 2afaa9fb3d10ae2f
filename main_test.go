package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestQuotesJSON(t *testing.T) {
	code, out, errOut := runCmd(t, "quotes", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("not a JSON array: %v", err)
	}
	if len(rows) < 30 {
		t.Errorf("%d statements in the seeds, want at least 30", len(rows))
	}
	for _, key := range []string{"article", "paragraph", "text", "speaker", "role_title", "party", "role", "kind"} {
		if _, ok := rows[0][key]; !ok {
			t.Errorf("field %q missing from %v", key, rows[0])
		}
	}
	found := false
	for _, r := range rows {
		if r["speaker"] == "Zhao Lijian" && r["party"] == "China" && r["role"] == "response" && strings.HasPrefix(r["text"].(string), "Some NATO member states") {
			found = true
		}
	}
	if !found {
		t.Errorf("Zhao Lijian's response in 000 is missing from the JSON")
	}
}

func TestDebateJSON(t *testing.T) {
	code, out, _ := runCmd(t, "debate", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var rows []struct {
		Article    string         `json:"article"`
		Accusation map[string]any `json:"accusation"`
		Response   map[string]any `json:"response"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	paired := 0
	for _, r := range rows {
		if r.Accusation == nil && r.Response == nil {
			t.Errorf("row with neither side: %+v", r)
		}
		if r.Accusation != nil && r.Response != nil {
			paired++
		}
	}
	if paired == 0 {
		t.Errorf("no accusation in the seeds is paired with a response")
	}
}

func TestTextOutputAndErrors(t *testing.T) {
	code, out, _ := runCmd(t, "quotes")
	if code != 0 || !strings.Contains(out, "Jens Stoltenberg") {
		t.Errorf("quotes: exit %d, output lacks Stoltenberg", code)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte{0, 1, 2}, 0o644)
	code, _, errOut := runCmd(t, "quotes", bad)
	if code != 1 || !strings.Contains(errOut, bad) || !strings.Contains(errOut, "binary") {
		t.Errorf("nothing loadable: exit %d, stderr %q; want 1 and a message naming the file", code, errOut)
	}
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("Title\n\n“We deny it,” Minister Ana Lopes said.\n"), 0o644)
	code, out, errOut = runCmd(t, "quotes", bad, good)
	if code != 0 || !strings.Contains(out, "Ana Lopes") || !strings.Contains(errOut, "bad.txt") {
		t.Errorf("one bad file: exit %d; the good one must load and the bad one be named", code)
	}
	if code, out, _ := runCmd(t, "--version"); code != 0 || !strings.HasPrefix(out, "counterpoint ") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
	if code, _, _ := runCmd(t, "--no-such-flag"); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
}
