import { DestroyRef, inject, Injectable } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { BehaviorSubject, EMPTY, map, switchMap } from 'rxjs';

/** What every browser-tab title ends with: the product's name, never translated. */
export const TITLE_SUFFIX = ' · Returnlens';

/**
 * Browser-tab titles in the interface language: a route's `title` is a key of the root
 * messages (`nav.weekly.label`, `login.title`), written with the product's name after it, and
 * written again when the language changes or its messages arrive.
 */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly key = new BehaviorSubject<string | undefined>(undefined);
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);

  constructor() {
    super();
    // selectTranslate follows the active language and waits for its messages.
    this.key
      .pipe(
        switchMap((key) =>
          key
            ? this.transloco.selectTranslate<string>(key).pipe(map((text) => ({ key, text })))
            : EMPTY,
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(({ key, text }) => {
        // A key its messages lack comes back as the key: keep the last title then.
        if (text !== key) this.title.setTitle(`${text}${TITLE_SUFFIX}`);
      });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const key = this.buildTitle(snapshot);
    if (key !== undefined) this.key.next(key);
  }
}
