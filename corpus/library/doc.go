// Package library keeps everything fetched in one SQLite database, so
// reading works offline and the next start is quick: feeds with their
// validators, articles with their text, the engine's analysis cached by
// content hash, and each user's read and starred marks.
//
// A reader uses it like this (none of it blocks on the network but
// Refresh, which belongs in a goroutine or a tea.Cmd):
//
//	lib, _ := library.OpenDefault(library.Options{})   // ReadOnly: true for the SSH server
//	shelf, _ := lib.Load(ctx)                           // analysed articles, newest first
//	marks, _ := lib.User(fingerprint).States(ctx)       // "" is the local user
//	for _, a := range shelf.Corpus.Articles {
//		e := shelf.Entries[a.ID] // e.Feed, e.FeedTitle: source and per-feed view
//		_ = marks[a.ID].Read     // a.Outlet, a.Published (or e.Fetched), a.URL
//	}
//	lib.User(fingerprint).SetStarred(ctx, id, true)
//
//	progress := make(chan library.Progress)
//	go func() {
//		sum, err := lib.Refresh(ctx, feeds.NewFetcher(feeds.Options{}), func(p library.Progress) { progress <- p })
//		…                           // then Load again and keep the cursor on its article ID
//	}()
package library
