// The reference's own typedoc plugin (typedoc.json `plugin`, `theme: "gatewaykit"`), for two things typedoc has no
// option for:
// - A model type is `interface Token extends Data<'/api/token/{id}', 'get'> {}`: its fields are the model's own, but
//   typedoc marks them "Inherited from Data.id" (hidden whenever a reader unticks "Inherited"). Fields whose parent is
//   not a page of the reference (the generated types are left out) become the interface's own, and their
//   `@description` (from the OpenAPI document) their summary.
// - A search for `tokens.create` finds `Tokens.create`, as code calls it (`client.tokens.create`): typedoc indexes
//   the bare name `create` only, and the search box keeps the dot.
// - The site stays under 5 MB (scripts/docs-check.mjs): every page repeated a settings panel, a member index that
//   "On This Page" already lists, an interface preview that repeats the members, and an icon per permalink and per
//   accordion; and
//   short members had a whole page each.
// - A README link to a repository file that is not a page (docs/fidelity.md, LICENSE, openapi/control.yaml) points at
//   the file in the repository, where it is rendered, instead of a raw copy under media/ (250 kB of the 5 MB).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DefaultTheme, DefaultThemeRenderContext, IndexEvent, JSX, KindRouter, ReflectionFlag, ReflectionKind, RendererEvent } from 'typedoc';

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
    // The same for the open/closed chevron of each accordion (member groups, "On This Page"): 140 bytes of SVG each.
    const chevron = () => JSX.createElement('span', { class: 'tsd-chevron', 'aria-hidden': 'true' });
    this._refIcons = { ...this._refIcons, anchor: nothing, chevronDown: chevron };
    // A model's hierarchy named only the generated type it is built on (`Body<"/api/token/", "post">`), which is not a
    // page of the reference: noise on each of ~110 model pages. A hierarchy with a parent or child that is a page stays.
    const hierarchy = this.hierarchy;
    this.hierarchy = (typeHierarchy) => (namesOnlyGeneratedParents(typeHierarchy) ? undefined : hierarchy(typeHierarchy));
    // A module page lists its members as one-line summaries linking to their pages; the members that are sections
    // of it (ReferenceRouter) are rendered there in full instead.
    const summary = this.moduleMemberSummary;
    this.moduleMemberSummary = (member) => (this.router.hasOwnDocument(member) ? summary(member) : JSX.createElement('dd', null, this.member(member)));
  }
}

/** A hierarchy of parents that are no page of the reference (the generated types), then the model, then nothing. */
function namesOnlyGeneratedParents(typeHierarchy) {
  if (!typeHierarchy || typeHierarchy.isTarget) return false;
  const below = typeHierarchy.next;
  const isPage = (type) => type.type === 'reference' && type.reflection !== undefined;
  return typeHierarchy.types.every((type) => !isPage(type)) && below !== undefined && below.isTarget && below.next === undefined;
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

/** `https://github.com/owner/name/blob/main/` from package.json's `repository`, where linked files are read. */
function repositoryFiles() {
  const { repository } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return `${repository.url.replace(/^git\+/, '').replace(/\.git$/, '')}/blob/main/`;
}

/**
 * Points the relative links of `parts` that name a repository file (not a reflection) at that file on the
 * repository's site; typedoc copies only the files a rendered link still names.
 */
function linkToRepository(parts, project, root, files) {
  for (const part of parts ?? []) {
    if (part.kind !== 'relative-link' || typeof part.target !== 'number') continue;
    const resolved = project.files.resolve(part.target, project);
    if (typeof resolved !== 'string') continue;
    part.kind = 'text';
    part.text = `${files}${relative(root, resolved).split('\\').join('/')}${part.targetAnchor ? `#${part.targetAnchor}` : ''}`;
    delete part.target;
    delete part.targetAnchor;
  }
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.renderer.defineTheme('gatewaykit', ReferenceTheme);
  app.renderer.defineRouter('gatewaykit', ReferenceRouter);
  app.renderer.on(RendererEvent.BEGIN, (event) => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const files = repositoryFiles();
    const { project } = event;
    linkToRepository(project.readme, project, root, files);
    for (const reflection of [project, ...Object.values(project.reflections)]) {
      linkToRepository(reflection.readme, project, root, files);
      linkToRepository(reflection.content, project, root, files);
      for (const comment of [reflection.comment, ...(reflection.comment?.blockTags ?? []).map((tag) => ({ summary: tag.content }))]) linkToRepository(comment?.summary, project, root, files);
    }
    for (const reflection of Object.values(event.project.reflections)) {
      if (reflection.inheritedFrom && !reflection.inheritedFrom.reflection) {
        reflection.inheritedFrom = undefined;
        reflection.setFlag(ReflectionFlag.Inherited, false);
      }
      // openapi-typescript writes a schema's description as `@description`, which typedoc shows under a heading of
      // its own; as the summary it reads like every other comment.
      const description = reflection.comment?.getTag('@description');
      if (description && reflection.comment.summary.every((part) => !part.text.trim())) {
        reflection.comment.summary = description.content;
        reflection.comment.removeTags('@description');
      }
    }
  });
  app.renderer.on(IndexEvent.PREPARE_INDEX, (event) => {
    event.searchFieldWeights.call = 10;
    event.searchResults.forEach((reflection, i) => {
      const owner = reflection.parent;
      if (!reflection.kindOf(ReflectionKind.Method | ReflectionKind.Property) || !owner?.kindOf(ReflectionKind.Class)) return;
      event.searchFields[i].call = `${owner.name[0].toLowerCase()}${owner.name.slice(1)}.${reflection.name}`;
    });
  });
}
