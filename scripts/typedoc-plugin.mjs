// The reference's own typedoc plugin (typedoc.json `plugin`, `theme: "gatewaykit"`), for two things typedoc has no
// option for:
// - A model type is `interface Token extends Data<'/api/token/{id}', 'get'> {}`: its fields are the model's own, but
//   typedoc marks them "Inherited from Data.id" (hidden whenever a reader unticks "Inherited"). Fields whose parent is
//   not a page of the reference (the generated types are left out) become the interface's own.
// - The site stays under 5 MB (scripts/docs-check.mjs): every page repeated a settings panel, a member index that
//   "On This Page" already lists, an interface preview that repeats the members, and an icon per permalink; and
//   short members had a whole page each.
import { DefaultTheme, DefaultThemeRenderContext, JSX, KindRouter, ReflectionFlag, ReflectionKind, RendererEvent } from 'typedoc';

const nothing = () => JSX.createElement(JSX.Fragment, null);

/** Drops the partials that only repeat what the page shows elsewhere. */
class ReferenceContext extends DefaultThemeRenderContext {
  constructor(...args) {
    super(...args);
    // The member index duplicates the sidebar's "On This Page", and an interface's preview (`interface Token { … }`)
    // the members listed below it with their types and descriptions; the settings (theme, visibility filters)
    // repeated 2 kB of inline SVG on each page, and the OS theme applies without them.
    this.index = nothing;
    this.reflectionPreview = nothing;
    this.settings = nothing;
    // The permalink becomes a `#` drawn by scripts/typedoc.css instead of an SVG reference per heading.
    // (`_refIcons` is what `icons` answers; typedoc says to change icons on the theme, which would drop the symbol.)
    this._refIcons = { ...this._refIcons, anchor: nothing };
  }
}

/**
 * Type aliases, functions and constants are sections of their module's page, with an anchor each, rather than pages
 * of their own: most are a line or two, and a page costs 3 kB of frame around it.
 */
class ReferenceRouter extends KindRouter {
  getPageKind(target) {
    return target.kindOf?.(ReflectionKind.TypeAlias | ReflectionKind.Function | ReflectionKind.Variable) ? undefined : super.getPageKind(target);
  }
}

class ReferenceTheme extends DefaultTheme {
  ContextClass = ReferenceContext;
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.renderer.defineTheme('gatewaykit', ReferenceTheme);
  app.renderer.defineRouter('gatewaykit', ReferenceRouter);
  app.renderer.on(RendererEvent.BEGIN, (event) => {
    for (const reflection of Object.values(event.project.reflections)) {
      if (reflection.inheritedFrom && !reflection.inheritedFrom.reflection) {
        reflection.inheritedFrom = undefined;
        reflection.setFlag(ReflectionFlag.Inherited, false);
      }
    }
  });
}
