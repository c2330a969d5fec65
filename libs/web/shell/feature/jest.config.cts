const angularJestConfig = require('../../../../jest.angular.preset');

module.exports = angularJestConfig('web-shell-feature', __dirname);
