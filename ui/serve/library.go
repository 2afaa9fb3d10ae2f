package serve

// readerOf is the name a session's read and starred marks are kept under
// in the library: the key's fingerprint, or "" for an anonymous client,
// which the read-only library keeps no marks for.
func readerOf(who string) string {
	if who == anonymous {
		return ""
	}
	return who
}
