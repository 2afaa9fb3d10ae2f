package corpus

import (
	"strings"
	"testing"
)

// Words that deny a charge only in their phrase: a speaker who says them in
// everyday talk is no accused party.
func TestDeniesOutrightReadsThePhrase(t *testing.T) {
	tests := []struct {
		text  string
		wants bool
	}{
		{"We flatly reject these claims.", true},
		{"I never said that about the mayor.", true},
		{"We have never taken a penny from the fund.", true},
		{"I've never met the man.", true},
		{"We will never give up on this town.", false},
		{"It will never happen here.", false},
		{"We oppose the new parking tax.", false},
		{"The club will appeal the decision.", true},
		{"This is an appeal to every voter in the county.", false},
		{"Her appeal with young voters is obvious.", false},
		{"We are disappointed by the ruling.", true},
		{"The board was shocked and disappointed at the outcome.", true},
		{"I'm very disappointed in the council.", false},
		{"The photos were taken out of context.", true},
		{"In the context of the budget, it was a good year.", false},
		{"I am deeply sorry.", true},
		{"We're sorry for the delay to your order.", true},
		{"Sorry, I have to run to the next meeting.", false},
		{"The charges are politically motivated.", true},
		{"She is a politically gifted mayor.", false},
		{"He is innocent and will be cleared.", true},
		{"Innocent shoppers were hurt in the crash.", false},
		{"We are the victims of a smear.", true},
		{"Our hearts go out to the victims and their families.", false},
		{"I regret those remarks.", true},
		{"My biggest regret is the stadium.", false},
		{"The minister regrets the oversight.", true},
		{"It is regrettable that the council acted without notice.", true},
		{"The flood was unprecedented.", false},
		{"We apologise to every passenger.", true},
	}
	for _, tt := range tests {
		if got := deniesOutright(strings.ToLower(tt.text)); got != tt.wants {
			t.Errorf("deniesOutright(%q) = %v, want %v", tt.text, got, tt.wants)
		}
	}
}

// Two campaign speeches full of "never" and "oppose" frame no dispute:
// neither speaker stands accused.
func TestEverydayWordsFrameNoSides(t *testing.T) {
	a := analysed(t,
		"The two candidates spoke at the county fair on Saturday.",
		"“We will never stop fighting for the farmers of this valley,” said Maria Gonzales.",
		"“I oppose the new highway and I always have. It would cut the valley in two and it is a costly mistake,” said Peter Lang.",
	)
	if a.Accused != "" {
		t.Errorf("accused %q, want none (accuser %q)", a.Accused, a.Accuser)
	}
	for _, q := range a.Quotes {
		if q.Role == Response {
			t.Errorf("%q by %s is a response", q.Text, q.Speaker)
		}
	}
}
