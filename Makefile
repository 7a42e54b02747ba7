# udpvideo: built with javac and jar only. Maven is used as a downloader for the two jars, nothing else.
# Targets: make (the jar), make test, make bench, make demo, make clean.

OPENCV_VERSION := 4.9.0-0
JUNIT_VERSION  := 1.11.4
OPENCV_JAR     := lib/opencv-$(OPENCV_VERSION).jar
JUNIT_JAR      := lib/junit-platform-console-standalone-$(JUNIT_VERSION).jar

SOURCES      := $(shell find src -name '*.java')
TEST_SOURCES := $(shell find test -name '*.java')
JAR          := build/udpvideo.jar
# Batch mode: no colour codes or download progress in a log.
MVN          := mvn --batch-mode --quiet
JAVAC        := javac --release 17 -encoding UTF-8 -Xlint:all,-serial -Werror

# Under `make test` without a display, the viewer's tests get a virtual one from Xvfb when it is installed.
XVFB_RUN := $(if $(DISPLAY),,$(shell command -v xvfb-run 2>/dev/null))
XVFB     := $(if $(XVFB_RUN),$(XVFB_RUN) -a -s "-screen 0 1600x1200x24 -nolisten tcp")

.PHONY: all test bench demo clean

all: $(JAR)

$(OPENCV_JAR):
	$(MVN) dependency:copy -Dartifact=org.openpnp:opencv:$(OPENCV_VERSION) -DoutputDirectory=lib

$(JUNIT_JAR):
	$(MVN) dependency:copy -Dartifact=org.junit.platform:junit-platform-console-standalone:$(JUNIT_VERSION) -DoutputDirectory=lib

# One javac run for all sources: the stamp file stands for the class files.
build/classes.stamp: $(SOURCES) $(OPENCV_JAR)
	@rm -rf build/classes && mkdir -p build/classes
	@echo "javac: $(words $(SOURCES)) source files"
	@$(JAVAC) -cp $(OPENCV_JAR) -d build/classes $(SOURCES)
	touch $@

# The manifest names OpenCV's jar, so `java -cp build/udpvideo.jar` finds it: its version lives only here.
$(JAR): build/classes.stamp
	@printf 'Class-Path: ../$(OPENCV_JAR)\n' > build/manifest.txt
	jar --create --file $@ --manifest build/manifest.txt -C build/classes .

build/test-classes.stamp: $(TEST_SOURCES) build/classes.stamp $(JUNIT_JAR)
	@rm -rf build/test-classes && mkdir -p build/test-classes
	@echo "javac: $(words $(TEST_SOURCES)) test files"
	@$(JAVAC) -cp build/classes:$(OPENCV_JAR):$(JUNIT_JAR) -d build/test-classes $(TEST_SOURCES)
	touch $@

# Runs every test; the last line reads "N passed, N failed" (", N skipped" when any were). The classes go on
# the JVM's own class path, not the launcher's --class-path: OpenCV's exit hook, which deletes the native library
# it unpacked to /tmp, still needs its classes after the launcher has closed its class loader. OpenCV's own log
# is silenced (a test that asks for a missing camera would print OpenCV's complaint), and so are colours, which
# the output piped to build/test.log would carry as escape codes.
test: $(JAR) build/test-classes.stamp
	@rm -f build/test.log; \
	{ OPENCV_LOG_LEVEL=$${OPENCV_LOG_LEVEL:-SILENT} $(XVFB) java \
	    -cp build/classes:build/test-classes:$(OPENCV_JAR):$(JUNIT_JAR) org.junit.platform.console.ConsoleLauncher \
	    execute --disable-banner --disable-ansi-colors --details=tree --scan-class-path; \
	  echo $$? > build/test.status; } 2>&1 | tee build/test.log; \
	awk '/tests successful/ {ok=$$2} /tests failed/ {bad=$$2} /tests (skipped|aborted)/ {skip+=$$2} \
	  END {line=(ok+0) " passed, " (bad+0) " failed"; if (skip) line=line ", " skip " skipped"; print line}' build/test.log; \
	exit $$(cat build/test.status)

# The benchmark (test/udpvideo/bench): prints a table and writes build/bench.txt. The heap is capped at 128 MB,
# so every row also shows the pipeline fits in it. -Xlog:gc=error: the bench retries a heap reading whose
# collection ImageIO's native codec held off, so HotSpot's warning about it is only noise.
bench: $(JAR) build/test-classes.stamp
	java -Xmx128m -Xlog:gc=error -Djava.awt.headless=true -cp build/classes:build/test-classes:$(OPENCV_JAR) udpvideo.bench.Benchmark

# A test-pattern sender and a receiver on loopback, in one JVM: a window when there is a display. Ctrl-C is how
# the demo ends, and Java then exits with 130 (128 + SIGINT): a normal stop, not an error for make to report. The
# shell traps SIGINT with a handler, not by ignoring it (java would inherit that), so it lives on to see the 130.
demo: $(JAR)
	trap : INT; java -cp $(JAR) udpvideo.Demo || [ $$? -eq 130 ]

clean:
	rm -rf build
