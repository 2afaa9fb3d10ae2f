// Package seeds embeds the five articles counterpoint opens when no path is
// given. The .txt files are byte-for-byte copies of ../shared/seeds.
package seeds

import "embed"

// FS holds the seed articles at its root.
//
//go:embed *.txt
var FS embed.FS
