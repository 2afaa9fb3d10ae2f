package main

import (
	"context"
	"net/http"
	"net/http/httptest"
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

// With no PATH the reader opens the library and keeps it open, writable,
// for marks and refresh; an empty library means the seeds.
func TestReaderOpensTheLibrary(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	ctx := context.Background()
	if _, _, ok, err := openReaderLibrary(ctx, false); ok || err != nil {
		t.Fatalf("no library: ok %v, err %v", ok, err)
	}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.ReplaceAll(testFeed, "{{BASE}}", srv.URL)))
	}))
	defer srv.Close()
	if _, _, code := libCmd(t, "add", srv.URL+"/feed.xml"); code != 0 {
		t.Fatal("add failed")
	}
	if _, _, ok, _ := openReaderLibrary(ctx, false); ok {
		t.Error("a library with no articles yet was read instead of the seeds")
	}
	if _, errOut, code := libCmd(t, "fetch"); code != 0 {
		t.Fatal(errOut)
	}
	lib, shared, ok, err := openReaderLibrary(ctx, false)
	if !ok || err != nil {
		t.Fatalf("ok %v, err %v", ok, err)
	}
	defer lib.Close()
	if shared.Library() == nil || lib.ReadOnly() || len(shared.Corpus.Articles) != 2 {
		t.Errorf("library %v, read-only %v, %d articles", shared.Library(), lib.ReadOnly(), len(shared.Corpus.Articles))
	}
	if err := lib.User("").SetRead(ctx, shared.Corpus.Articles[0].ID, true); err != nil {
		t.Errorf("the local user's mark: %v", err)
	}
	ro, _, ok, err := openReaderLibrary(ctx, true)
	if !ok || err != nil || !ro.ReadOnly() {
		t.Fatalf("read-only: ok %v, err %v", ok, err)
	}
	ro.Close()
}
