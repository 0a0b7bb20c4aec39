import { inkColours } from '../draw/palette.ts';

/** The page's style sheet, in the report's colours. */
export const pageStyle = `
body { font: 15px/1.4 system-ui, sans-serif; color: ${inkColours.text}; margin: 1rem 1.5rem; }
h1 { font-size: 1.3rem; margin: 0 0 .2rem; }
.lead { color: ${inkColours.muted}; margin: 0 0 .8rem; }
.controls { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-bottom: .8rem; }
.controls button { font-size: 1rem; padding: .3rem .9rem; }
fieldset { border: 1px solid ${inkColours.grid}; padding: .2rem .6rem; }
#counter { font-weight: 600; min-width: 12rem; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; }
#code { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .5rem; }
.task-code { background: ${inkColours.laneBackground}; border-radius: 4px; padding: .3rem; }
.task-title { font-weight: 600; border-bottom: 4px solid; margin-bottom: .2rem; }
pre { margin: 0; font-size: .8rem; overflow-x: auto; }
.line { border-left: 4px solid transparent; padding-left: .3rem; white-space: pre; }
.line.running { background: #fff3c4; font-weight: 600; }
h2 { font-size: 1rem; margin: .6rem 0 .3rem; }
.row { display: flex; flex-wrap: wrap; gap: .3rem; min-height: 2rem; align-items: center; }
.box { color: #fff; text-shadow: 0 0 2px #000; padding: .25rem .5rem; border-radius: 3px; font-family: ui-monospace, monospace; font-size: .85rem; }
.box .note { display: block; font-size: .75rem; }
#ready { border: 2px dashed ${inkColours.axis}; padding: .3rem; border-radius: 4px; }
.empty { color: ${inkColours.muted}; font-style: italic; }
#why { margin: .2rem 0; }
#then { color: ${inkColours.muted}; margin: .2rem 0; }
#happened { margin: .2rem 0; padding-left: 1.2rem; color: ${inkColours.muted}; }
#printed { font-family: ui-monospace, monospace; font-size: .85rem; margin: 0; padding-left: 2rem; columns: 2; }
#printed li { border-left: 4px solid; padding-left: .3rem; }
.lane { display: flex; align-items: center; gap: .5rem; margin: 2px 0; }
.lane-name { width: 7rem; font-size: .8rem; text-align: right; overflow: hidden; }
.track { position: relative; flex: 1; height: 14px; background: ${inkColours.laneBackground}; }
.bar { position: absolute; top: 0; height: 14px; }
.strip { display: flex; flex-wrap: wrap; gap: 1px; flex: 1; }
.cell { color: #fff; font-size: .7rem; width: 1.1rem; text-align: center; }
.keys { color: ${inkColours.muted}; font-size: .85rem; }
`;
