package smtp

// updateState moves the state machine on a command (code 0: not yet
// answered, the command is assumed to succeed, as clients pipeline
// beyond what the RFCs allow) or on the reply to one. Like Zeek's, it
// only guesses the session's state, above all whether mail data
// follows, and reports surprises as smtp_unexpected.
func (a *Analyzer) updateState(cmd, code int, isOrig bool) {
	st := a.state
	if st == stQuit && code == 0 {
		a.unexpectedCommand(cmd, code)
	}
	expect := func(want ...int) {
		for _, w := range want {
			if st == w {
				return
			}
		}
		a.unexpectedCommand(cmd, code)
	}
	switch cmd {
	case cmdConnEstablished:
		switch code {
		case 0:
			expect(stConnected)
			a.state = stInitiated
		case 220:
		case 421, 554:
			a.state = stNotAvailable
		default:
			a.unexpectedReply(cmd, code)
		}
	case cmdEHLO, cmdHELO:
		switch code {
		case 0:
			expect(stInitiated)
			a.state = stReady
		case 250:
		case 421, 500, 501, 504, 550:
			a.state = stInitiated
		default:
			a.unexpectedReply(cmd, code)
		}
	case cmdMAIL, cmdSEND, cmdSOML, cmdSAML:
		switch code {
		case 0:
			expect(stReady)
			a.state = stMailOK
		case 250:
		case 421, 451, 452, 500, 501, 503, 550, 552, 553:
			if a.state != stInData {
				a.state = stReady
			}
		default:
			a.unexpectedReply(cmd, code)
		}
	case cmdRCPT:
		switch code {
		case 0:
			expect(stMailOK, stRcptOK)
			a.state = stRcptOK
		case 250, 251, 421, 450, 451, 452, 500, 501, 503, 550, 551, 552, 553, 554:
		default:
			a.unexpectedReply(cmd, code)
		}
	case cmdDATA:
		switch code {
		case 0:
			if a.state != stRcptOK {
				a.unexpectedCommand(cmd, code)
			}
			a.beginData(isOrig)
		case 354:
		case 421:
			a.endDataIfIn()
			a.state = stQuit
		case 500, 501, 503, 451, 554:
			a.endDataIfIn()
			a.state = stReady
		default:
			a.unexpectedReply(cmd, code)
			a.endDataIfIn()
			a.state = stReady
		}
	case cmdEndOfData:
		switch code {
		case 0:
			expect(stInData)
			a.endData()
			a.state = stAfterData
		case 250, 421, 451, 452, 552, 554:
		default:
			a.unexpectedReply(cmd, code)
		}
		if code > 0 {
			a.state = stReady
		}
	case cmdBDAT, cmdBDATLast:
		switch {
		case code == 0:
			// Chunks follow the recipients; the state stays until the
			// last chunk's data ends the mail.
			expect(stRcptOK)
			if a.state == stMailOK {
				a.state = stRcptOK
			}
		case cmd == cmdBDATLast:
			a.state = stReady
		}
	case cmdRSET:
		switch code {
		case 0:
			a.endBDAT()
			a.state = stReady
		case 250:
		default:
			a.unexpectedReply(cmd, code)
		}
	case cmdQUIT:
		switch code {
		case 0:
			a.state = stQuit
		case 221:
		default:
			a.unexpectedReply(cmd, code)
		}
	case cmdAUTH:
		expect(stReady)
		switch code {
		case 0: // the reply decides
		case 334:
			a.state = stInAuth
		default:
			a.state = stInitiated
		}
	case cmdAuthAnswer:
		expect(stInAuth)
		switch code {
		case 0:
		case 334:
			a.state = stInAuth
		default:
			a.state = stInitiated
		}
	case cmdTURN:
		expect(stReady)
		if code == 250 {
			a.origIsSender = !a.origIsSender
			a.state = stConnected
		}
	case cmdSTARTTLS, cmdXAnonymousTLS:
		expect(stReady)
		if code == 220 {
			a.startTLS()
		}
	default: // VRFY, EXPN, HELP, NOOP and the rest leave the state alone
		if st == stGapRecovery && code == 354 {
			a.beginData(isOrig)
		}
	}
}

func (a *Analyzer) endDataIfIn() {
	if a.state == stInData {
		a.endData()
	}
}
