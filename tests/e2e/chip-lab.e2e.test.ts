// The chip lab in real Chromium: it says which prices count under the pricing mode, when the
// break-even target is priced on another basis, shows a blank chip's missing values as none, and
// a slider's value at once, and that a chart's data-version changes only once Vega has drawn the new data.

import { describe, expect, inject, it } from 'vitest';
import { chartDrawn, csvCells, done, download, openLab, openPage, sharedBrowser } from './browser';

const browser = sharedBrowser();
const baseUrl = inject('baseUrl');

const lab = (selector: string) => `[data-view="chip-lab"] ${selector}`;

describe('chip lab and the pricing mode', () => {
  it('under Rental the purchase price says it is not used (and changes nothing); under TCO the rental price says so', async () => {
    const p = await openPage(browser(), baseUrl);
    await openLab(p);
    const purchaseNote = p.page.locator('[data-param-note="listPrice"]');
    const rentalNote = p.page.locator('[data-param-note="rentalPrice"]');
    expect(await purchaseNote.textContent()).toMatch(/Not used now: Pricing is "Rental"/);
    expect(await rentalNote.isHidden()).toBe(true);
    expect(await p.page.locator('[data-lab-text="listPrice"]').getAttribute('aria-describedby')).toContain(await purchaseNote.getAttribute('id'));
    // The note is right: a new purchase price leaves the cost per token as it was.
    const cost = p.page.locator('[data-table="lab"] tbody tr:first-child button[data-explain="usdPerMillionOutputTokens"]');
    const before = await cost.textContent();
    const roof = Number(await p.page.getAttribute('[data-chart="lab-roofline"]', 'data-version'));
    await p.page.fill('[data-lab-text="listPrice"]', '$90k');
    await p.page.press('[data-lab-text="listPrice"]', 'Enter');
    await expect.poll(async () => Number(await p.page.getAttribute('[data-chart="lab-roofline"]', 'data-version'))).toBeGreaterThan(roof);
    expect(await cost.textContent()).toBe(before);
    await p.page.click(lab('[data-option="tco"]'));
    await expect.poll(() => rentalNote.textContent()).toMatch(/Pricing is "Own it \(TCO\)"/);
    expect(await purchaseNote.isHidden()).toBe(true);
    await done(p);
  });

  it('break-even against the lab chip\'s own unedited original says so, until the chip is edited', async () => {
    const p = await openPage(browser(), baseUrl);
    await openLab(p);
    const output = p.page.locator('[data-break-even]');
    await expect.poll(() => output.textContent()).toMatch(/own original and the chip is not edited yet/);
    await p.page.fill('[data-lab-text="hbmBandwidth"]', '6 TB/s');
    await p.page.press('[data-lab-text="hbmBandwidth"]', 'Enter');
    await expect.poll(() => output.textContent()).toMatch(/this chip matches/);
    expect(await output.textContent()).not.toMatch(/not edited yet/);
    await done(p);
  });

  it('break-even under Rental against a chip without a market rental says it is priced at an estimated rental', async () => {
    const p = await openPage(browser(), baseUrl);
    await openLab(p);
    const basis = p.page.locator('[data-break-even-basis]');
    expect(await basis.isHidden()).toBe(true);
    await p.page.selectOption('[data-control="break-even-target"]', 'groq-lpu');
    await expect.poll(() => basis.textContent()).toMatch(/Groq LPU.* has no market rental price, so it is priced at an estimated rental/);
    await done(p);
  });

  it('the lab table and its CSV name what the edited chip\'s $/M is most sensitive to, from the sensitivity runs', async () => {
    const p = await openPage(browser(), baseUrl);
    await openLab(p);
    await chartDrawn(p.page, 'lab-sensitivity');
    const edited = p.page.locator('[data-table="lab"] tbody tr:first-child');
    await expect.poll(() => edited.textContent()).toMatch(/\$\/M most sensitive to (matrix|HBM|SRAM|scale-up)/i);
    const csv = await download(p.page, '[data-export="tokencost-chip-lab-csv"]');
    const lines = csv.data.toString('utf8').trim().split('\r\n');
    const header = csvCells(lines[0]!);
    const column = header.indexOf('most_sensitive_resource');
    // The edited chip has the resource; its original (no sensitivity runs of its own) leaves it empty.
    expect(csvCells(lines[1]!)[column]).toMatch(/^(compute|hbmBandwidth|sramBandwidth|scaleUpBandwidth)$/);
    expect(Number(csvCells(lines[1]!)[column + 1])).toBeLessThan(0);
    expect(csvCells(lines[2]!)[column]).toBe('');
    await done(p);
  });

  it('a slider move shows its value in the field and to screen readers at once, then the results follow', async () => {
    const p = await openPage(browser(), baseUrl);
    await openLab(p);
    await chartDrawn(p.page, 'lab-frontier');
    await chartDrawn(p.page, 'lab-cost-breakdown');
    const drawn = Number(await p.page.getAttribute('[data-chart="lab-roofline"]', 'data-version'));
    // Read in the same task as the move: before any result could arrive or the page be redrawn.
    const read = await p.page.evaluate(() => {
      // Each live chart's picture when its data-version changes: Vega must have drawn the new data by then.
      (window as unknown as { atBump: Promise<{ before: string; atBump: string; version: string }[]> }).atBump = Promise.all(
        ['lab-frontier', 'lab-roofline', 'lab-cost-breakdown'].map((name) => {
          const host = document.querySelector<HTMLElement>(`[data-chart="${name}"]`)!;
          const picture = () => host.querySelector('canvas')!.toDataURL();
          const before = picture();
          const version = host.dataset.version;
          return new Promise<{ before: string; atBump: string; version: string }>((resolve) => {
            const observer = new MutationObserver(() => {
              if (host.dataset.version === version) return;
              observer.disconnect();
              resolve({ before, atBump: picture(), version: host.dataset.version! });
            });
            observer.observe(host, { attributes: true, attributeFilter: ['data-version'] });
          });
        }));
      const slider = document.querySelector<HTMLInputElement>('[data-lab-slider="hbmBandwidth"]')!;
      const before = slider.getAttribute('aria-valuetext');
      slider.value = String(Number(slider.value) + 60);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      return { before, after: slider.getAttribute('aria-valuetext'), field: document.querySelector<HTMLInputElement>('[data-lab-text="hbmBandwidth"]')!.value };
    });
    expect(read.after).not.toBe(read.before);
    expect(read.field).toBe(read.after);
    // A whole-number parameter steps in whole chips: one slider step below 8 once showed "7.94 chips".
    const step = (by: number) => p.page.evaluate((d) => {
      const slider = document.querySelector<HTMLInputElement>('[data-lab-slider="domainSize"]')!;
      slider.value = String(Number(slider.value) + d);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      return document.querySelector<HTMLInputElement>('[data-lab-text="domainSize"]')!.value;
    }, by);
    expect(await step(-1)).toBe('7 chips');
    expect(await step(1)).toBe('8 chips');
    await expect.poll(async () => Number(await p.page.getAttribute('[data-chart="lab-roofline"]', 'data-version'))).toBeGreaterThan(drawn);
    // A chart counts as updated only once drawn: at its version bump the canvas already shows the new
    // data, and it is the picture the chart keeps while its version stays (chart-host.ts marks after runAsync).
    const bumps = await p.page.evaluate(() => (window as unknown as { atBump: Promise<{ before: string; atBump: string; version: string }[]> }).atBump);
    await p.page.waitForFunction(() => document.querySelectorAll('[data-view="chip-lab"] [aria-busy="true"], [data-view="chip-lab"] .stale').length === 0);
    const now = await p.page.evaluate(() => ['lab-frontier', 'lab-roofline', 'lab-cost-breakdown'].map((name) => {
      const host = document.querySelector<HTMLElement>(`[data-chart="${name}"]`)!;
      return { picture: host.querySelector('canvas')!.toDataURL(), version: host.dataset.version! };
    }));
    bumps.forEach((b, i) => {
      expect(b.atBump).not.toBe(b.before);
      if (now[i]!.version === b.version) expect(now[i]!.picture).toBe(b.atBump);
    });
    // The charts a drag redraws run precompiled expressions (npm run charts:compile), not the
    // interpreter; the roofline's title names the edited chip, a text no build can know.
    expect(await p.page.getAttribute('[data-chart="lab-frontier"]', 'data-interpreted-expressions')).toBe('0');
    expect(await p.page.getAttribute('[data-chart="lab-cost-breakdown"]', 'data-interpreted-expressions')).toBe('0');
    expect(Number(await p.page.getAttribute('[data-chart="lab-roofline"]', 'data-interpreted-expressions'))).toBeLessThanOrEqual(1);
    expect(await p.page.getAttribute('[data-lab-slider="hbmBandwidth"]', 'aria-valuetext')).toBe(read.after);
    // The table is updated in place (ui/dom.ts showTree): its numbers still open their explanation, for the right chip.
    const cost = p.page.locator('[data-table="lab"] tbody tr:first-child button[data-explain="usdPerMillionOutputTokens"]');
    expect(await p.page.getAttribute('[data-table="lab"] tbody tr:first-child', 'data-hardware')).toBe('nvidia-h200-sxm-lab');
    await cost.click();
    const dialog = p.page.locator('dialog[data-dialog="explain"][open]');
    await dialog.waitFor();
    expect(await dialog.locator('h2').textContent()).toMatch(/million.*H200.*lab|H200.*lab.*million/i);
    // The dragged bandwidth is the lab's, not the datasheet's: its group leads with what it replaced.
    const memory = dialog.locator('[data-explain-fold="sources"] li', { hasText: 'memory:' });
    expect(await memory.textContent()).toMatch(/^memory: set in the chip lab: HBM bandwidth, replacing NVIDIA H200 SXM 141GB's 4\.8 TB\/s; NVIDIA H200 datasheet/);
    await p.page.keyboard.press('Escape');
    await done(p);
  });

  it('the blank chip shows a value it does not have as "none", not "0 TB/s"', async () => {
    const p = await openPage(browser(), baseUrl);
    await openLab(p);
    await p.page.selectOption('[data-control="lab-start"]', '');
    await chartDrawn(p.page, 'lab-roofline');
    await p.page.check('[data-control="lab-sram"]');
    const hint = p.page.locator('[data-param="sramBandwidth"] .hint').first();
    await expect.poll(() => hint.textContent()).toBe('original: none');
    expect(await p.page.inputValue('[data-lab-text="sramBandwidth"]')).toBe('80 TB/s');
    // A zero HBM bandwidth beside HBM capacity is refused beside the field, not dropped in silence.
    await p.page.fill('[data-lab-text="hbmBandwidth"]', '0');
    await p.page.press('[data-lab-text="hbmBandwidth"]', 'Enter');
    await expect.poll(() => p.page.locator('[data-param="hbmBandwidth"] .error').textContent()).toMatch(/Not applied: HBM needs a bandwidth above 0/);
    expect(await p.page.getAttribute('[data-lab-text="hbmBandwidth"]', 'aria-invalid')).toBe('true');
    // Typing again drops the refusal that quoted the old text; the new text is checked when applied.
    await p.page.fill('[data-lab-text="hbmBandwidth"]', '8 TB/s');
    expect(await p.page.locator('[data-param="hbmBandwidth"] .error').textContent()).toBe('');
    expect(await p.page.getAttribute('[data-lab-text="hbmBandwidth"]', 'aria-invalid')).toBeNull();
    await p.page.press('[data-lab-text="hbmBandwidth"]', 'Enter');
    await expect.poll(() => p.page.inputValue('[data-lab-text="hbmBandwidth"]')).toBe('8 TB/s');
    // Nor does a refusal's range offer that 0 while the chip has HBM capacity.
    await p.page.fill('[data-lab-text="hbmBandwidth"]', '-5');
    await p.page.press('[data-lab-text="hbmBandwidth"]', 'Enter');
    await expect.poll(() => p.page.locator('[data-param="hbmBandwidth"] .error').textContent()).toMatch(/^Not applied: .*enter a number from/);
    expect(await p.page.locator('[data-param="hbmBandwidth"] .error').textContent()).not.toMatch(/0 TB\/s or/);
    // A value typed past the slider's end: an arrow key steps from it, not from the end the thumb sits at.
    const slider = p.page.locator('[data-lab-slider="hbmBandwidth"]');
    await p.page.fill('[data-lab-text="hbmBandwidth"]', '50 TB/s');
    await p.page.press('[data-lab-text="hbmBandwidth"]', 'Enter');
    await expect.poll(() => p.page.inputValue('[data-lab-text="hbmBandwidth"]')).toBe('50 TB/s');
    await slider.focus();
    await p.page.keyboard.press('ArrowLeft');
    await expect.poll(() => p.page.inputValue('[data-lab-text="hbmBandwidth"]')).toMatch(/^49\.\d+ TB\/s$/);
    // The slider cannot reach the refused 0: its lowest stop is a bandwidth the chip takes.
    await slider.focus();
    await p.page.keyboard.press('Home');
    await expect.poll(() => p.page.inputValue('[data-lab-text="hbmBandwidth"]')).toBe('0.1 TB/s');
    expect(await p.page.locator('[data-param="hbmBandwidth"] .error').textContent()).toBe('');
    expect(await slider.getAttribute('aria-valuetext')).toBe('0.1 TB/s');
    // Reset drops a refused text even when the value in use does not change (the matrix rate was never edited).
    await p.page.fill('[data-lab-text="compute"]', 'abc');
    await p.page.press('[data-lab-text="compute"]', 'Enter');
    await expect.poll(() => p.page.locator('[data-param="compute"] .error').textContent()).toMatch(/^Not applied/);
    // An emptied name is refused beside the field; the chip keeps its name.
    const labName = await p.page.inputValue('[data-control="lab-name"]');
    await p.page.fill('[data-control="lab-name"]', '');
    await p.page.press('[data-control="lab-name"]', 'Tab');
    await expect.poll(() => p.page.locator('[data-field-error="lab-name"]').textContent()).toBe(`Not applied: a chip needs a name; it is still "${labName}".`);
    expect(await p.page.getAttribute('[data-control="lab-name"]', 'aria-invalid')).toBe('true');
    await p.page.click('[data-control="lab-reset"]');
    await expect.poll(() => p.page.inputValue('[data-control="lab-name"]')).not.toBe('');
    expect(await p.page.locator('[data-field-error="lab-name"]').textContent()).toBe('');
    await expect.poll(() => p.page.inputValue('[data-lab-text="compute"]')).not.toBe('abc');
    expect(await p.page.locator('[data-param="compute"] .error').textContent()).toBe('');
    expect(await p.page.getAttribute('[data-lab-text="compute"]', 'aria-invalid')).toBeNull();
    // ... and the refusal of the slider dragged to zero above.
    expect(await p.page.locator('[data-param="hbmBandwidth"] .error').textContent()).toBe('');
    await done(p);
  });

  it('"Start from", Reset and "Design from silicon" replace edits only with an Undo that brings them back; an unedited lab is replaced silently', async () => {
    const p = await openPage(browser(), baseUrl);
    await openLab(p);
    const undo = p.page.locator('[data-lab-undo]');
    // Unedited: nothing to lose, no offer.
    await p.page.selectOption('[data-control="lab-start"]', 'amd-mi300x');
    await expect.poll(() => p.page.inputValue('[data-control="lab-name"]')).toMatch(/MI300X.*\(lab\)/);
    expect(await undo.isHidden()).toBe(true);
    await p.page.fill('[data-lab-text="hbmBandwidth"]', '9 TB/s');
    await p.page.press('[data-lab-text="hbmBandwidth"]', 'Enter');
    await expect.poll(() => p.page.inputValue('[data-lab-text="hbmBandwidth"]')).toBe('9 TB/s');
    const edited = await p.page.inputValue('[data-control="lab-name"]');
    await p.page.selectOption('[data-control="lab-start"]', 'nvidia-b200');
    await expect.poll(() => undo.isVisible()).toBe(true);
    expect(await undo.textContent()).toContain(`Your edits to "${edited}" were replaced.`);
    expect(await p.page.inputValue('[data-lab-text="hbmBandwidth"]')).not.toBe('9 TB/s');
    // A second replacement of the unedited chip keeps the offer: the edits it brings back are the same.
    await p.page.selectOption('[data-control="lab-start"]', 'nvidia-h100-sxm');
    await expect.poll(() => p.page.inputValue('[data-control="lab-name"]')).toMatch(/H100.*\(lab\)/);
    expect(await undo.isVisible()).toBe(true);
    await p.page.click('[data-control="lab-undo"]');
    await expect.poll(() => p.page.inputValue('[data-lab-text="hbmBandwidth"]')).toBe('9 TB/s');
    expect(await p.page.inputValue('[data-control="lab-start"]')).toBe('amd-mi300x');
    expect(await undo.isHidden()).toBe(true);
    // "Design from silicon" replaces the hand-edited chip too: Undo leaves design mode with it back.
    await p.page.click('[data-control="design-start"]');
    await expect.poll(() => undo.isVisible()).toBe(true);
    expect(await p.page.locator('[data-control="design-start"] + [data-lab-undo]').count()).toBe(1);
    await p.page.click('[data-control="lab-undo"]');
    await expect.poll(() => p.page.inputValue('[data-lab-text="hbmBandwidth"]')).toBe('9 TB/s');
    expect(await p.page.inputValue('[data-control="lab-name"]')).toBe(edited);
    // Reset offers the same; a later edit withdraws the offer (an undo would then drop the newer edit).
    await p.page.click('[data-control="lab-reset"]');
    await expect.poll(() => undo.isVisible()).toBe(true);
    await p.page.fill('[data-lab-text="hbmBandwidth"]', '7 TB/s');
    await p.page.press('[data-lab-text="hbmBandwidth"]', 'Enter');
    await expect.poll(() => undo.isHidden()).toBe(true);
    await done(p);
  });
});
