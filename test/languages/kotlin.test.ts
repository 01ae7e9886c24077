import { strict as assert } from 'node:assert';
import { generateLanguageCase, languageCases, filesOf } from './language-cases.js';
import { kotlinBuild } from './round-trips.js';
import { skipWhenRegistrySkipped } from './toolchains.js';
import { canonicalJson } from './wire-documents.js';

/**
 * Generated Kotlin under the real compiler: kotlinc 2.3 through kotlin-maven-plugin with the
 * kotlinx.serialization compiler plugin and -Werror (test/fixtures/kotlin/pom.xml, from Maven
 * Central), every case's files in one project; the same build runs the round-trip main whose
 * results test/languages/roundtrip.test.ts compares. The compile check's control (a planted type
 * error) is the kotlin target's, in test/languages/compile.test.ts.
 */
describe('Kotlin: generated sources compile with kotlinc + the kotlinx.serialization plugin (Maven)', function () {
  this.timeout(1_800_000);
  before(function () {
    skipWhenRegistrySkipped(this, 'maven');
  });

  it('every case, the custom-options one too, compiles with -Werror, and its classes encode and decode with Json', () => {
    const build = kotlinBuild();
    assert.equal(build.run.status, 0, `mvn compile exec:java in ${build.dir}\n${build.run.output}`);
    for (const c of languageCases()) {
      const kotlin = filesOf(generateLanguageCase(c, ['kotlin']), 'kotlin');
      assert.ok(kotlin.length >= 2, `${c.name}: the command file and CommandTransport.kt`);
      for (const file of kotlin)
        assert.ok(
          build.sources.some((s) => file.path.endsWith(s.replace(/^src\/main\/kotlin\//, ''))),
          `${c.name}: ${file.path} was not compiled`,
        );
    }
    // The main ran: one answer per document, each the re-encoded document or kotlinx's own error.
    assert.equal(build.outcomes.length, build.jobs.length);
    assert.ok(
      build.outcomes.every((o) => 'ok' in o),
      JSON.stringify(build.outcomes.filter((o) => 'error' in o)),
    );
  });

  it('every suspend fun client sends its command name and params through CommandTransport and returns the decoded result', () => {
    const build = kotlinBuild();
    assert.equal(build.run.status, 0, build.run.output);
    assert.equal(build.clientOutcomes.length, build.clients.length);
    build.clients.forEach((call, i) => {
      const outcome = build.clientOutcomes[i];
      assert.ok(!('error' in outcome), `${call.label}: ${'error' in outcome ? outcome.error : ''}`);
      assert.equal(outcome.command, call.command, call.label);
      assert.equal(canonicalJson(outcome.params), canonicalJson(call.params), `${call.label}: the params the transport was given`);
      assert.equal(canonicalJson(outcome.result), canonicalJson(call.result), `${call.label}: the result the client returned`);
    });
  });
});
