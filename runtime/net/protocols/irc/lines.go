package irc

// maxLine is the longest line the CONTENTLINE splitter keeps for IRC;
// a longer one is cut there (contentline_size_exceeded).
const maxLine = 1000
