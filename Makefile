# The two commands of README.md.
.PHONY: run test

run:  ## set everything up, load the demo, serve http://127.0.0.1:8000
	bash bin/run

test:  ## lint, then the whole suite on SQLite and on PostgreSQL
	bash bin/test
