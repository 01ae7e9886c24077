import { strict as assert } from 'node:assert';
import { removeHostProjects } from '../support/host-project.js';
import { DROPPED_FIELD, MUTANTS, RENAMED_FIELD, roundTripCases, roundTripProblems, typeScriptBuild } from './round-trips.js';
import { TARGETS } from './targets.js';
import { skipWhenRegistrySkipped } from './toolchains.js';
import { canonicalJson } from './wire-documents.js';

/**
 * The cross-language round trip: for every example spec, one set of wire documents (params and
 * result, full and minimal, built from the spec's types) goes through the generated Python
 * models (Pydantic v2), Kotlin classes (kotlinx.serialization), Rust structs (serde) and
 * TypeScript types (tsc + tsx); each must give back the same canonical JSON (RFC 8785). The
 * mutants (a field renamed, a field dropped) prove each language's check can fail.
 */
describe('cross-language round trip: one wire document set per spec through Python, Kotlin, Rust and TypeScript', function () {
  this.timeout(1_800_000);
  after(removeHostProjects);

  it('the document sets cover every example spec, and the full documents carry every field (optional ones included)', () => {
    const cases = roundTripCases();
    for (const spec of [
      'specs/chat-send.json',
      'specs/docs-read.json',
      'specs/gpu-stats.json',
      'specs/interface-screenshot.json',
      'specs/system-ping.v1.json',
      'specs/vhsm-encrypt.json',
    ]) {
      assert.ok(
        cases.some((g) => g.c.spec === spec),
        `no round-trip case for ${spec}`,
      );
    }
    for (const g of cases) {
      assert.equal(g.documents.length, 4, `${g.c.name}: minimal and full, params and result`);
      for (const d of g.documents.filter((x) => x.mode === 'full')) {
        const fields = d.owner === 'Params' ? g.model.params : g.model.results;
        assert.deepEqual(
          Object.keys(d.document),
          fields.map((f) => f.name),
          `${g.c.name} ${d.label}`,
        );
      }
    }
  });

  const languages = TARGETS.flatMap((t) => (t.roundTrip ? [t.roundTrip] : []));

  for (const language of languages) {
    it(`${language.what}: every document gives back the same canonical JSON`, function () {
      if (language.registry) skipWhenRegistrySkipped(this, language.registry);
      const build = language.build();
      assert.equal(build.ready.status, 0, `${build.ready.label}\n${build.ready.output}`);
      assert.ok(build.jobs.length >= 28, `${build.jobs.length} documents`);
      assert.deepEqual(roundTripProblems(build.jobs, build.outcomes), []);
    });
  }

  for (const language of languages.filter((l) => l.runTimeMutants)) {
    it(`${language.what.split(' (')[0]}: the check is real: a renamed field (${RENAMED_FIELD}) and a dropped one (${DROPPED_FIELD}) fail it`, function () {
      if (language.registry) skipWhenRegistrySkipped(this, language.registry);
      const build = language.build();
      assert.equal(build.ready.status, 0, `${build.ready.label}\n${build.ready.output}`);
      for (const kind of MUTANTS) {
        const problems = roundTripProblems([build.mutantJobs![kind]], [build.mutantOutcomes![kind]]);
        assert.equal(problems.length, 1, `the ${kind} mutant passed the round trip`);
        // Renamed: the document's key is unknown or the renamed one is missing. Dropped: refused, or left out of the answer.
        const field = kind === 'renamed' ? RENAMED_FIELD : DROPPED_FIELD;
        const outcome = build.mutantOutcomes![kind];
        if ('ok' in outcome) assert.ok(!canonicalJson(outcome.ok).includes(`"${field}"`), `${kind}: ${problems[0]}`);
        else assert.match(outcome.error, kind === 'renamed' ? /key_?id|keyId/i : /encoding/, `${kind}: ${problems[0]}`);
      }
    });
  }

  it('TypeScript: the check is real: tsc refuses the document for a Types file with keyId renamed or encoding dropped', () => {
    // Each mutant's document carries @ts-expect-error: tsc passing means both mutations broke the type check.
    const build = typeScriptBuild();
    assert.equal(build.check.status, 0, build.check.output);
    assert.doesNotMatch(build.check.output, /Unused '@ts-expect-error'/);
  });
});
