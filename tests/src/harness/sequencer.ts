import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Browser files first, then the API files. Vitest's own order runs one project after the other
 * (api, then browser, by name), so the suite used to end on a few long browser files while the
 * other workers stood idle; the API files are short (most under 15 s) and fill the end evenly.
 * Within each project the order stays vitest's: longest first by the last run's times, or by
 * file size on a fresh clone.
 */
export class BrowserFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isBrowser = (spec: TestSpecification) => spec.project.name === 'browser';
    return [...sorted.filter(isBrowser), ...sorted.filter((spec) => !isBrowser(spec))];
  }
}
