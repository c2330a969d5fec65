const angularJestConfig = require('../../../../jest.angular.preset');

module.exports = angularJestConfig('web-settings-feature', __dirname);
