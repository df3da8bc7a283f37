##! Writes every ASCII log as JSON lines instead of tab-separated columns.

redef LogAscii::use_json = T;
