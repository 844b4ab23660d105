import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brokenLinks, headingAnchors, slug } from './markdown-links';

const root = join(__dirname, '..', '..');

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownUnder(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const documents = [join(root, 'README.md'), join(root, 'CONTRIBUTING.md'), ...markdownUnder(join(root, 'docs'))];

describe('documentation links', () => {
  it.each(documents.map((file) => [file.slice(root.length + 1), file]))('every relative link and anchor of %s resolves', (_name, file) => {
    expect(brokenLinks(file, root)).toEqual([]);
  });

  it('covers the README, CONTRIBUTING.md and every guide under docs/', () => {
    const names = documents.map((file) => file.slice(root.length + 1)).sort();
    expect(names).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/configuration.md', 'docs/deploying.md', 'docs/security.md']));
  });
});

describe('the link checker', () => {
  it('slugs headings as GitHub does', () => {
    expect(slug('`guardduty-ops verify` (and more…)')).toBe('guardduty-ops-verify-and-more');
    expect(slug('AWS Organizations (`organization.enabled: true`)')).toBe('aws-organizations-organizationenabled-true');
    expect(slug('`normalize [--write | --check] [files…]`')).toBe('normalize---write----check-files');
    expect(slug('Security rules (guardrails)')).toBe('security-rules-guardrails');
    expect(slug('snake_case stays')).toBe('snake_case-stays');
    expect(slug('`diff --base <git-ref>`')).toBe('diff---base-git-ref');
    expect(slug('A <em>b</em> [link](x.md)')).toBe('a-b-link');
  });

  it('numbers repeated headings -1, -2, … and ignores headings inside code blocks', () => {
    const anchors = headingAnchors('# Repeat\n\n```sh\n# Repeat\n```\n\n## Repeat\n\n## Repeat\n');
    expect([...anchors]).toEqual(['repeat', 'repeat-1', 'repeat-2']);
  });

  it('fails a planted broken file link and a planted broken anchor, and passes the good ones', () => {
    const problems = brokenLinks(join(__dirname, 'fixtures', 'broken-links.md'), root);
    expect(problems).toEqual([
      'test/docs/fixtures/broken-links.md:5: missing-page.md: no file test/docs/fixtures/missing-page.md',
      'test/docs/fixtures/broken-links.md:5: good-target.md#no-such-heading: no heading with the anchor #no-such-heading in test/docs/fixtures/good-target.md',
    ]);
  });

  it('finds the anchors of the fixture target, duplicates included', () => {
    expect([...headingAnchors(readFileSync(join(__dirname, 'fixtures', 'good-target.md'), 'utf8'))]).toEqual([
      'good-target',
      'second-heading',
      'guardduty-ops-verify-and-more',
      'repeat',
      'repeat-1',
    ]);
  });
});
