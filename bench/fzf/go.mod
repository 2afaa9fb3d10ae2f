module counterpoint/bench/fzf

go 1.26.8

require (
	counterpoint v0.0.0
	github.com/junegunn/fzf v0.74.3
)

require (
	github.com/junegunn/go-shellwords v0.0.0-20250127100254-2aa3b3277741 // indirect
	github.com/mattn/go-isatty v0.0.24 // indirect
	github.com/rivo/uniseg v0.4.7 // indirect
	github.com/sahilm/fuzzy v0.1.3 // indirect
	golang.org/x/sys v0.50.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)

replace counterpoint => ../..
