/** The local app's entry point: synthetic shadow first (the base components expect it), then the shell. */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import ShellApp from 'shell/app';

document.body.appendChild(createElement('shell-app', { is: ShellApp }));
